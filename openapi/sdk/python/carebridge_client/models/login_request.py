from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LoginRequest")


@_attrs_define
class LoginRequest:
    """Credentials. `hospital` (a slug) may be left out by super admins and by accounts that
    belong to one hospital only.

        Attributes:
            email (str):
            password (str):
            hospital (None | str | Unset):
    """

    email: str
    password: str
    hospital: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        hospital: None | str | Unset
        if isinstance(self.hospital, Unset):
            hospital = UNSET
        else:
            hospital = self.hospital

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )
        if hospital is not UNSET:
            field_dict["hospital"] = hospital

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        def _parse_hospital(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hospital = _parse_hospital(d.pop("hospital", UNSET))

        login_request = cls(
            email=email,
            password=password,
            hospital=hospital,
        )

        return login_request
