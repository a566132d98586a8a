from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.suggested_doctor import SuggestedDoctor


T = TypeVar("T", bound="Suggestion")


@_attrs_define
class Suggestion:
    """
    Attributes:
        doctors (list[SuggestedDoctor]): This hospital's active doctors with that specialization, by name (at most 20).
        probability (float): The model's probability, 0 to 1.
        specialty (str): A specialty as doctors' specializations name it, e.g. `Cardiology`.
    """

    doctors: list[SuggestedDoctor]
    probability: float
    specialty: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        doctors = []
        for doctors_item_data in self.doctors:
            doctors_item = doctors_item_data.to_dict()
            doctors.append(doctors_item)

        probability = self.probability

        specialty = self.specialty

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "doctors": doctors,
                "probability": probability,
                "specialty": specialty,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suggested_doctor import SuggestedDoctor  # noqa: PLC0415

        d = dict(src_dict)
        doctors = []
        _doctors = d.pop("doctors")
        for doctors_item_data in _doctors:
            doctors_item = SuggestedDoctor.from_dict(doctors_item_data)

            doctors.append(doctors_item)

        probability = d.pop("probability")

        specialty = d.pop("specialty")

        suggestion = cls(
            doctors=doctors,
            probability=probability,
            specialty=specialty,
        )

        suggestion.additional_properties = d
        return suggestion

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
