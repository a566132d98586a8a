from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Member")


@_attrs_define
class Member:
    """A member of the hospital's staff as its admin sees them.

    Attributes:
        active (bool): False while deactivated: they cannot sign in to this hospital.
        email (str):
        full_name (str):
        joined_at (datetime.datetime):
        role (str): `hospital_admin`, `doctor` or a custom role such as `pharmacist`.
        user_id (UUID):
    """

    active: bool
    email: str
    full_name: str
    joined_at: datetime.datetime
    role: str
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        email = self.email

        full_name = self.full_name

        joined_at = self.joined_at.isoformat()

        role = self.role

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "email": email,
                "full_name": full_name,
                "joined_at": joined_at,
                "role": role,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        email = d.pop("email")

        full_name = d.pop("full_name")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        role = d.pop("role")

        user_id = UUID(d.pop("user_id"))

        member = cls(
            active=active,
            email=email,
            full_name=full_name,
            joined_at=joined_at,
            role=role,
            user_id=user_id,
        )

        member.additional_properties = d
        return member

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
