from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewAppointment")


@_attrs_define
class NewAppointment:
    """
    Attributes:
        doctor_id (UUID):
        reason (str): Seen by the patient, the doctor and admins; never sent by email.
        start_at (datetime.datetime):
        patient_id (None | Unset | UUID): When an admin books on a patient's behalf.
    """

    doctor_id: UUID
    reason: str
    start_at: datetime.datetime
    patient_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        doctor_id = str(self.doctor_id)

        reason = self.reason

        start_at = self.start_at.isoformat()

        patient_id: None | str | Unset
        if isinstance(self.patient_id, Unset):
            patient_id = UNSET
        elif isinstance(self.patient_id, UUID):
            patient_id = str(self.patient_id)
        else:
            patient_id = self.patient_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "doctor_id": doctor_id,
                "reason": reason,
                "start_at": start_at,
            }
        )
        if patient_id is not UNSET:
            field_dict["patient_id"] = patient_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        doctor_id = UUID(d.pop("doctor_id"))

        reason = d.pop("reason")

        start_at = datetime.datetime.fromisoformat(d.pop("start_at"))

        def _parse_patient_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                patient_id_type_0 = UUID(data)

                return patient_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        patient_id = _parse_patient_id(d.pop("patient_id", UNSET))

        new_appointment = cls(
            doctor_id=doctor_id,
            reason=reason,
            start_at=start_at,
            patient_id=patient_id,
        )

        return new_appointment
