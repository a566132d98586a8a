from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IceServer")


@_attrs_define
class IceServer:
    """An ICE server for `RTCPeerConnection`.

    Attributes:
        credential (str): TURN only: base64(HMAC-SHA1(secret, username)), valid until the username's expiry.
        urls (list[str]):
        username (str): TURN only: `<unix expiry>:<user id>`.
    """

    credential: str
    urls: list[str]
    username: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credential = self.credential

        urls = self.urls

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential": credential,
                "urls": urls,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credential = d.pop("credential")

        urls = cast(list[str], d.pop("urls"))

        username = d.pop("username")

        ice_server = cls(
            credential=credential,
            urls=urls,
            username=username,
        )

        ice_server.additional_properties = d
        return ice_server

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
