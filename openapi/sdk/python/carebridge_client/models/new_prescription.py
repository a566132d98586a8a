from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item import Item


T = TypeVar("T", bound="NewPrescription")


@_attrs_define
class NewPrescription:
    """
    Attributes:
        items (list[Item]): 1 to 30 medications.
        patient_id (UUID):
        appointment_id (None | Unset | UUID):
    """

    items: list[Item]
    patient_id: UUID
    appointment_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        patient_id = str(self.patient_id)

        appointment_id: None | str | Unset
        if isinstance(self.appointment_id, Unset):
            appointment_id = UNSET
        elif isinstance(self.appointment_id, UUID):
            appointment_id = str(self.appointment_id)
        else:
            appointment_id = self.appointment_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "patient_id": patient_id,
            }
        )
        if appointment_id is not UNSET:
            field_dict["appointment_id"] = appointment_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item import Item  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Item.from_dict(items_item_data)

            items.append(items_item)

        patient_id = UUID(d.pop("patient_id"))

        def _parse_appointment_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appointment_id_type_0 = UUID(data)

                return appointment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        appointment_id = _parse_appointment_id(d.pop("appointment_id", UNSET))

        new_prescription = cls(
            items=items,
            patient_id=patient_id,
            appointment_id=appointment_id,
        )

        return new_prescription
