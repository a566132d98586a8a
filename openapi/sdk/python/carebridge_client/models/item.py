from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Item")


@_attrs_define
class Item:
    """One medication line.

    Attributes:
        dose (str): e.g. `500 mg`.
        duration_days (int):
        frequency (str): e.g. `twice daily`.
        medication (str):
        quantity (int):
        refills (int):
        route (str): e.g. `oral`.
        instructions (str | Unset):  Default: ''.
    """

    dose: str
    duration_days: int
    frequency: str
    medication: str
    quantity: int
    refills: int
    route: str
    instructions: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        dose = self.dose

        duration_days = self.duration_days

        frequency = self.frequency

        medication = self.medication

        quantity = self.quantity

        refills = self.refills

        route = self.route

        instructions = self.instructions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dose": dose,
                "duration_days": duration_days,
                "frequency": frequency,
                "medication": medication,
                "quantity": quantity,
                "refills": refills,
                "route": route,
            }
        )
        if instructions is not UNSET:
            field_dict["instructions"] = instructions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dose = d.pop("dose")

        duration_days = d.pop("duration_days")

        frequency = d.pop("frequency")

        medication = d.pop("medication")

        quantity = d.pop("quantity")

        refills = d.pop("refills")

        route = d.pop("route")

        instructions = d.pop("instructions", UNSET)

        item = cls(
            dose=dose,
            duration_days=duration_days,
            frequency=frequency,
            medication=medication,
            quantity=quantity,
            refills=refills,
            route=route,
            instructions=instructions,
        )

        return item
