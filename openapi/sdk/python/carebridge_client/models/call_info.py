from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ice_server import IceServer


T = TypeVar("T", bound="CallInfo")


@_attrs_define
class CallInfo:
    """`GET /appointments/{id}/call`.

    Attributes:
        closes_at (datetime.datetime):
        ice_servers (list[IceServer]):
        opens_at (datetime.datetime):
        state (str): `not_open`, `open` or `ended`.
    """

    closes_at: datetime.datetime
    ice_servers: list[IceServer]
    opens_at: datetime.datetime
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closes_at = self.closes_at.isoformat()

        ice_servers = []
        for ice_servers_item_data in self.ice_servers:
            ice_servers_item = ice_servers_item_data.to_dict()
            ice_servers.append(ice_servers_item)

        opens_at = self.opens_at.isoformat()

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closes_at": closes_at,
                "ice_servers": ice_servers,
                "opens_at": opens_at,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ice_server import IceServer  # noqa: PLC0415

        d = dict(src_dict)
        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        ice_servers = []
        _ice_servers = d.pop("ice_servers")
        for ice_servers_item_data in _ice_servers:
            ice_servers_item = IceServer.from_dict(ice_servers_item_data)

            ice_servers.append(ice_servers_item)

        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))

        state = d.pop("state")

        call_info = cls(
            closes_at=closes_at,
            ice_servers=ice_servers,
            opens_at=opens_at,
            state=state,
        )

        call_info.additional_properties = d
        return call_info

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
