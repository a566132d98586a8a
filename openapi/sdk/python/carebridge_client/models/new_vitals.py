from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewVitals")


@_attrs_define
class NewVitals:
    """A set of vital signs to score with NEWS2.

    Attributes:
        consciousness (str): ACVPU: `A` alert, `C` new confusion, `V` voice, `P` pain, `U` unresponsive.
        heart_rate (int): Pulse, beats per minute (20–250).
        on_oxygen (bool): Breathing supplemental oxygen (otherwise air).
        respiratory_rate (int): Breaths per minute (1–80).
        spo2 (int): Oxygen saturation, % (50–100).
        spo2_scale (int): 1, or 2 for a patient with hypercapnic respiratory failure (target 88–92%).
        systolic_bp (int): Systolic blood pressure, mmHg (40–300).
        temperature_c (float): °C (30.0–45.0), read to one decimal.
        measured_at (datetime.datetime | None | Unset): When measured (default now); not in the future, at most 30 days
            back.
    """

    consciousness: str
    heart_rate: int
    on_oxygen: bool
    respiratory_rate: int
    spo2: int
    spo2_scale: int
    systolic_bp: int
    temperature_c: float
    measured_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        consciousness = self.consciousness

        heart_rate = self.heart_rate

        on_oxygen = self.on_oxygen

        respiratory_rate = self.respiratory_rate

        spo2 = self.spo2

        spo2_scale = self.spo2_scale

        systolic_bp = self.systolic_bp

        temperature_c = self.temperature_c

        measured_at: None | str | Unset
        if isinstance(self.measured_at, Unset):
            measured_at = UNSET
        elif isinstance(self.measured_at, datetime.datetime):
            measured_at = self.measured_at.isoformat()
        else:
            measured_at = self.measured_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "consciousness": consciousness,
                "heart_rate": heart_rate,
                "on_oxygen": on_oxygen,
                "respiratory_rate": respiratory_rate,
                "spo2": spo2,
                "spo2_scale": spo2_scale,
                "systolic_bp": systolic_bp,
                "temperature_c": temperature_c,
            }
        )
        if measured_at is not UNSET:
            field_dict["measured_at"] = measured_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consciousness = d.pop("consciousness")

        heart_rate = d.pop("heart_rate")

        on_oxygen = d.pop("on_oxygen")

        respiratory_rate = d.pop("respiratory_rate")

        spo2 = d.pop("spo2")

        spo2_scale = d.pop("spo2_scale")

        systolic_bp = d.pop("systolic_bp")

        temperature_c = d.pop("temperature_c")

        def _parse_measured_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                measured_at_type_0 = datetime.datetime.fromisoformat(data)

                return measured_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        measured_at = _parse_measured_at(d.pop("measured_at", UNSET))

        new_vitals = cls(
            consciousness=consciousness,
            heart_rate=heart_rate,
            on_oxygen=on_oxygen,
            respiratory_rate=respiratory_rate,
            spo2=spo2,
            spo2_scale=spo2_scale,
            systolic_bp=systolic_bp,
            temperature_c=temperature_c,
            measured_at=measured_at,
        )

        return new_vitals
