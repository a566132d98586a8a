from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenConversation")


@_attrs_define
class OpenConversation:
    """`POST /conversations`: a doctor names the patient, a patient the doctor.

    Attributes:
        doctor_id (UUID | Unset):
        patient_id (UUID | Unset):
    """

    doctor_id: UUID | Unset = UNSET
    patient_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        doctor_id: str | Unset = UNSET
        if not isinstance(self.doctor_id, Unset):
            doctor_id = str(self.doctor_id)

        patient_id: str | Unset = UNSET
        if not isinstance(self.patient_id, Unset):
            patient_id = str(self.patient_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if doctor_id is not UNSET:
            field_dict["doctor_id"] = doctor_id
        if patient_id is not UNSET:
            field_dict["patient_id"] = patient_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _doctor_id = d.pop("doctor_id", UNSET)
        doctor_id: UUID | Unset
        if isinstance(_doctor_id, Unset):
            doctor_id = UNSET
        else:
            doctor_id = UUID(_doctor_id)

        _patient_id = d.pop("patient_id", UNSET)
        patient_id: UUID | Unset
        if isinstance(_patient_id, Unset):
            patient_id = UNSET
        else:
            patient_id = UUID(_patient_id)

        open_conversation = cls(
            doctor_id=doctor_id,
            patient_id=patient_id,
        )

        return open_conversation
