from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.news_2 import News2


T = TypeVar("T", bound="Vitals")


@_attrs_define
class Vitals:
    """A set of vital signs with its NEWS2 score.

    Attributes:
        consciousness (str): ACVPU: `A`, `C` (new confusion), `V`, `P` or `U`.
        created_at (datetime.datetime):
        heart_rate (int): Beats per minute.
        id (UUID):
        measured_at (datetime.datetime):
        news2 (News2): A NEWS2 score: the total, its risk band and each parameter's points.
        on_oxygen (bool):
        patient_id (UUID):
        recorded_by (UUID): Who recorded it (the patient, or a member of staff).
        respiratory_rate (int): Breaths per minute.
        spo2 (int): Oxygen saturation, %.
        spo2_scale (int): 1, or 2 for hypercapnic respiratory failure (target 88–92%).
        systolic_bp (int): mmHg.
        temperature_c (float): °C, one decimal.
    """

    consciousness: str
    created_at: datetime.datetime
    heart_rate: int
    id: UUID
    measured_at: datetime.datetime
    news2: News2
    on_oxygen: bool
    patient_id: UUID
    recorded_by: UUID
    respiratory_rate: int
    spo2: int
    spo2_scale: int
    systolic_bp: int
    temperature_c: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consciousness = self.consciousness

        created_at = self.created_at.isoformat()

        heart_rate = self.heart_rate

        id = str(self.id)

        measured_at = self.measured_at.isoformat()

        news2 = self.news2.to_dict()

        on_oxygen = self.on_oxygen

        patient_id = str(self.patient_id)

        recorded_by = str(self.recorded_by)

        respiratory_rate = self.respiratory_rate

        spo2 = self.spo2

        spo2_scale = self.spo2_scale

        systolic_bp = self.systolic_bp

        temperature_c = self.temperature_c

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consciousness": consciousness,
                "created_at": created_at,
                "heart_rate": heart_rate,
                "id": id,
                "measured_at": measured_at,
                "news2": news2,
                "on_oxygen": on_oxygen,
                "patient_id": patient_id,
                "recorded_by": recorded_by,
                "respiratory_rate": respiratory_rate,
                "spo2": spo2,
                "spo2_scale": spo2_scale,
                "systolic_bp": systolic_bp,
                "temperature_c": temperature_c,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.news_2 import News2  # noqa: PLC0415

        d = dict(src_dict)
        consciousness = d.pop("consciousness")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        heart_rate = d.pop("heart_rate")

        id = UUID(d.pop("id"))

        measured_at = datetime.datetime.fromisoformat(d.pop("measured_at"))

        news2 = News2.from_dict(d.pop("news2"))

        on_oxygen = d.pop("on_oxygen")

        patient_id = UUID(d.pop("patient_id"))

        recorded_by = UUID(d.pop("recorded_by"))

        respiratory_rate = d.pop("respiratory_rate")

        spo2 = d.pop("spo2")

        spo2_scale = d.pop("spo2_scale")

        systolic_bp = d.pop("systolic_bp")

        temperature_c = d.pop("temperature_c")

        vitals = cls(
            consciousness=consciousness,
            created_at=created_at,
            heart_rate=heart_rate,
            id=id,
            measured_at=measured_at,
            news2=news2,
            on_oxygen=on_oxygen,
            patient_id=patient_id,
            recorded_by=recorded_by,
            respiratory_rate=respiratory_rate,
            spo2=spo2,
            spo2_scale=spo2_scale,
            systolic_bp=systolic_bp,
            temperature_c=temperature_c,
        )

        vitals.additional_properties = d
        return vitals

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
