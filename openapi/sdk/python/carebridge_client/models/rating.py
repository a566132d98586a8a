from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Rating")


@_attrs_define
class Rating:
    """A patient's rating of a completed visit.

    Attributes:
        appointment_id (UUID):
        comment (str):
        created_at (datetime.datetime):
        doctor_id (UUID):
        stars (int): 1 to 5.
    """

    appointment_id: UUID
    comment: str
    created_at: datetime.datetime
    doctor_id: UUID
    stars: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_id = str(self.appointment_id)

        comment = self.comment

        created_at = self.created_at.isoformat()

        doctor_id = str(self.doctor_id)

        stars = self.stars

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointment_id": appointment_id,
                "comment": comment,
                "created_at": created_at,
                "doctor_id": doctor_id,
                "stars": stars,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appointment_id = UUID(d.pop("appointment_id"))

        comment = d.pop("comment")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        doctor_id = UUID(d.pop("doctor_id"))

        stars = d.pop("stars")

        rating = cls(
            appointment_id=appointment_id,
            comment=comment,
            created_at=created_at,
            doctor_id=doctor_id,
            stars=stars,
        )

        rating.additional_properties = d
        return rating

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
