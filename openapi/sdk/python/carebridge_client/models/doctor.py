from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Doctor")


@_attrs_define
class Doctor:
    """
    Attributes:
        bio (str):
        created_at (datetime.datetime):
        full_name (str):
        id (UUID):
        languages (list[str]):
        license_number (str):
        specialization (str):
        user_id (UUID):
    """

    bio: str
    created_at: datetime.datetime
    full_name: str
    id: UUID
    languages: list[str]
    license_number: str
    specialization: str
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bio = self.bio

        created_at = self.created_at.isoformat()

        full_name = self.full_name

        id = str(self.id)

        languages = self.languages

        license_number = self.license_number

        specialization = self.specialization

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bio": bio,
                "created_at": created_at,
                "full_name": full_name,
                "id": id,
                "languages": languages,
                "license_number": license_number,
                "specialization": specialization,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bio = d.pop("bio")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        full_name = d.pop("full_name")

        id = UUID(d.pop("id"))

        languages = cast(list[str], d.pop("languages"))

        license_number = d.pop("license_number")

        specialization = d.pop("specialization")

        user_id = UUID(d.pop("user_id"))

        doctor = cls(
            bio=bio,
            created_at=created_at,
            full_name=full_name,
            id=id,
            languages=languages,
            license_number=license_number,
            specialization=specialization,
            user_id=user_id,
        )

        doctor.additional_properties = d
        return doctor

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
