from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TeamDoctor")


@_attrs_define
class TeamDoctor:
    """A doctor on a patient's care team, as the patient and the hospital's admin see them.

    Attributes:
        doctor_id (UUID):
        full_name (str):
        since (datetime.datetime): When they joined the team.
        specialization (str):
    """

    doctor_id: UUID
    full_name: str
    since: datetime.datetime
    specialization: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        doctor_id = str(self.doctor_id)

        full_name = self.full_name

        since = self.since.isoformat()

        specialization = self.specialization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "doctor_id": doctor_id,
                "full_name": full_name,
                "since": since,
                "specialization": specialization,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        doctor_id = UUID(d.pop("doctor_id"))

        full_name = d.pop("full_name")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        specialization = d.pop("specialization")

        team_doctor = cls(
            doctor_id=doctor_id,
            full_name=full_name,
            since=since,
            specialization=specialization,
        )

        team_doctor.additional_properties = d
        return team_doctor

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
