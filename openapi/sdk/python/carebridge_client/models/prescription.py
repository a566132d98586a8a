from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.item import Item


T = TypeVar("T", bound="Prescription")


@_attrs_define
class Prescription:
    """A prescription as its readers see it.

    Attributes:
        appointment_id (None | UUID):
        cancelled_at (datetime.datetime | None):
        dispensed_at (datetime.datetime | None):
        doctor_id (UUID):
        id (UUID):
        issued_at (datetime.datetime):
        items (list[Item]):
        patient_id (UUID):
        status (str): `active`, `dispensed` or `cancelled`.
        verification_code (str): Printed on the PDF; checked at `GET /api/v1/prescription-verifications/{code}`.
    """

    appointment_id: None | UUID
    cancelled_at: datetime.datetime | None
    dispensed_at: datetime.datetime | None
    doctor_id: UUID
    id: UUID
    issued_at: datetime.datetime
    items: list[Item]
    patient_id: UUID
    status: str
    verification_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_id: None | str
        if isinstance(self.appointment_id, UUID):
            appointment_id = str(self.appointment_id)
        else:
            appointment_id = self.appointment_id

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        dispensed_at: None | str
        if isinstance(self.dispensed_at, datetime.datetime):
            dispensed_at = self.dispensed_at.isoformat()
        else:
            dispensed_at = self.dispensed_at

        doctor_id = str(self.doctor_id)

        id = str(self.id)

        issued_at = self.issued_at.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        patient_id = str(self.patient_id)

        status = self.status

        verification_code = self.verification_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointment_id": appointment_id,
                "cancelled_at": cancelled_at,
                "dispensed_at": dispensed_at,
                "doctor_id": doctor_id,
                "id": id,
                "issued_at": issued_at,
                "items": items,
                "patient_id": patient_id,
                "status": status,
                "verification_code": verification_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item import Item  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_appointment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appointment_id_type_0 = UUID(data)

                return appointment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        appointment_id = _parse_appointment_id(d.pop("appointment_id"))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        def _parse_dispensed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dispensed_at_type_0 = datetime.datetime.fromisoformat(data)

                return dispensed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        dispensed_at = _parse_dispensed_at(d.pop("dispensed_at"))

        doctor_id = UUID(d.pop("doctor_id"))

        id = UUID(d.pop("id"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Item.from_dict(items_item_data)

            items.append(items_item)

        patient_id = UUID(d.pop("patient_id"))

        status = d.pop("status")

        verification_code = d.pop("verification_code")

        prescription = cls(
            appointment_id=appointment_id,
            cancelled_at=cancelled_at,
            dispensed_at=dispensed_at,
            doctor_id=doctor_id,
            id=id,
            issued_at=issued_at,
            items=items,
            patient_id=patient_id,
            status=status,
            verification_code=verification_code,
        )

        prescription.additional_properties = d
        return prescription

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
