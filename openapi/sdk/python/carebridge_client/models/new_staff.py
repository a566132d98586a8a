from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NewStaff")


@_attrs_define
class NewStaff:
    """
    Attributes:
        email (str):
        full_name (str):
        password (str):
        role (str): `hospital_admin` or one of this hospital's custom roles (doctors: POST /doctors).
    """

    email: str
    full_name: str
    password: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        full_name = self.full_name

        password = self.password

        role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "full_name": full_name,
                "password": password,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        full_name = d.pop("full_name")

        password = d.pop("password")

        role = d.pop("role")

        new_staff = cls(
            email=email,
            full_name=full_name,
            password=password,
            role=role,
        )

        return new_staff
