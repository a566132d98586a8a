from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Appointment")


@_attrs_define
class Appointment:
    """An appointment. `status` is requested, awaiting_payment, confirmed, in_progress, completed,
    rejected, cancelled or no_show; a pending proposal of another time shows in `proposed_start_at`.

        Attributes:
            cancelled_by (None | str):
            created_at (datetime.datetime):
            currency (str):
            doctor_id (UUID):
            doctor_name (None | str): The doctor's name (null only where the caller may not see the account).
            end_at (datetime.datetime):
            fee (int): Minor units.
            id (UUID):
            patient_id (UUID):
            patient_name (None | str): The patient's name (null only where the caller may not see the account).
            proposed_start_at (datetime.datetime | None):
            reason (str): Only the patient, their doctor and admins see it; it never goes into an email.
            start_at (datetime.datetime):
            status (str):
            status_reason (None | str):
            updated_at (datetime.datetime):
    """

    cancelled_by: None | str
    created_at: datetime.datetime
    currency: str
    doctor_id: UUID
    doctor_name: None | str
    end_at: datetime.datetime
    fee: int
    id: UUID
    patient_id: UUID
    patient_name: None | str
    proposed_start_at: datetime.datetime | None
    reason: str
    start_at: datetime.datetime
    status: str
    status_reason: None | str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancelled_by: None | str
        cancelled_by = self.cancelled_by

        created_at = self.created_at.isoformat()

        currency = self.currency

        doctor_id = str(self.doctor_id)

        doctor_name: None | str
        doctor_name = self.doctor_name

        end_at = self.end_at.isoformat()

        fee = self.fee

        id = str(self.id)

        patient_id = str(self.patient_id)

        patient_name: None | str
        patient_name = self.patient_name

        proposed_start_at: None | str
        if isinstance(self.proposed_start_at, datetime.datetime):
            proposed_start_at = self.proposed_start_at.isoformat()
        else:
            proposed_start_at = self.proposed_start_at

        reason = self.reason

        start_at = self.start_at.isoformat()

        status = self.status

        status_reason: None | str
        status_reason = self.status_reason

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancelled_by": cancelled_by,
                "created_at": created_at,
                "currency": currency,
                "doctor_id": doctor_id,
                "doctor_name": doctor_name,
                "end_at": end_at,
                "fee": fee,
                "id": id,
                "patient_id": patient_id,
                "patient_name": patient_name,
                "proposed_start_at": proposed_start_at,
                "reason": reason,
                "start_at": start_at,
                "status": status,
                "status_reason": status_reason,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_cancelled_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancelled_by = _parse_cancelled_by(d.pop("cancelled_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        doctor_id = UUID(d.pop("doctor_id"))

        def _parse_doctor_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        doctor_name = _parse_doctor_name(d.pop("doctor_name"))

        end_at = datetime.datetime.fromisoformat(d.pop("end_at"))

        fee = d.pop("fee")

        id = UUID(d.pop("id"))

        patient_id = UUID(d.pop("patient_id"))

        def _parse_patient_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        patient_name = _parse_patient_name(d.pop("patient_name"))

        def _parse_proposed_start_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_start_at_type_0 = datetime.datetime.fromisoformat(data)

                return proposed_start_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        proposed_start_at = _parse_proposed_start_at(d.pop("proposed_start_at"))

        reason = d.pop("reason")

        start_at = datetime.datetime.fromisoformat(d.pop("start_at"))

        status = d.pop("status")

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        appointment = cls(
            cancelled_by=cancelled_by,
            created_at=created_at,
            currency=currency,
            doctor_id=doctor_id,
            doctor_name=doctor_name,
            end_at=end_at,
            fee=fee,
            id=id,
            patient_id=patient_id,
            patient_name=patient_name,
            proposed_start_at=proposed_start_at,
            reason=reason,
            start_at=start_at,
            status=status,
            status_reason=status_reason,
            updated_at=updated_at,
        )

        appointment.additional_properties = d
        return appointment

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
