from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CareTeamAssignment")


@_attrs_define
class CareTeamAssignment:
    """
    Attributes:
        doctor_id (UUID):
    """

    doctor_id: UUID

    def to_dict(self) -> dict[str, Any]:
        doctor_id = str(self.doctor_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "doctor_id": doctor_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        doctor_id = UUID(d.pop("doctor_id"))

        care_team_assignment = cls(
            doctor_id=doctor_id,
        )

        return care_team_assignment
