from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Alert")


@_attrs_define
class Alert:
    """A deterioration alert: a vitals set whose NEWS2 risk is not low, for the care team.

    Attributes:
        acknowledged_at (datetime.datetime | None):
        acknowledged_by (None | UUID):
        created_at (datetime.datetime):
        id (UUID):
        measured_at (datetime.datetime):
        news2_risk (str): `low_medium`, `medium` or `high`.
        news2_score (int):
        patient_id (UUID):
        patient_name (str):
        rising (bool): The score rose at each of the patient's last three sets.
        vitals_id (UUID):
    """

    acknowledged_at: datetime.datetime | None
    acknowledged_by: None | UUID
    created_at: datetime.datetime
    id: UUID
    measured_at: datetime.datetime
    news2_risk: str
    news2_score: int
    patient_id: UUID
    patient_name: str
    rising: bool
    vitals_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledged_by: None | str
        if isinstance(self.acknowledged_by, UUID):
            acknowledged_by = str(self.acknowledged_by)
        else:
            acknowledged_by = self.acknowledged_by

        created_at = self.created_at.isoformat()

        id = str(self.id)

        measured_at = self.measured_at.isoformat()

        news2_risk = self.news2_risk

        news2_score = self.news2_score

        patient_id = str(self.patient_id)

        patient_name = self.patient_name

        rising = self.rising

        vitals_id = str(self.vitals_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acknowledged_at": acknowledged_at,
                "acknowledged_by": acknowledged_by,
                "created_at": created_at,
                "id": id,
                "measured_at": measured_at,
                "news2_risk": news2_risk,
                "news2_score": news2_score,
                "patient_id": patient_id,
                "patient_name": patient_name,
                "rising": rising,
                "vitals_id": vitals_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        def _parse_acknowledged_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_by_type_0 = UUID(data)

                return acknowledged_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        measured_at = datetime.datetime.fromisoformat(d.pop("measured_at"))

        news2_risk = d.pop("news2_risk")

        news2_score = d.pop("news2_score")

        patient_id = UUID(d.pop("patient_id"))

        patient_name = d.pop("patient_name")

        rising = d.pop("rising")

        vitals_id = UUID(d.pop("vitals_id"))

        alert = cls(
            acknowledged_at=acknowledged_at,
            acknowledged_by=acknowledged_by,
            created_at=created_at,
            id=id,
            measured_at=measured_at,
            news2_risk=news2_risk,
            news2_score=news2_score,
            patient_id=patient_id,
            patient_name=patient_name,
            rising=rising,
            vitals_id=vitals_id,
        )

        alert.additional_properties = d
        return alert

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
