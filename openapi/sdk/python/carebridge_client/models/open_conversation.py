from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenConversation")


@_attrs_define
class OpenConversation:
    """`POST /conversations`: a doctor names the patient, a patient the doctor.

    Attributes:
        doctor_id (None | Unset | UUID):
        patient_id (None | Unset | UUID):
    """

    doctor_id: None | Unset | UUID = UNSET
    patient_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        doctor_id: None | str | Unset
        if isinstance(self.doctor_id, Unset):
            doctor_id = UNSET
        elif isinstance(self.doctor_id, UUID):
            doctor_id = str(self.doctor_id)
        else:
            doctor_id = self.doctor_id

        patient_id: None | str | Unset
        if isinstance(self.patient_id, Unset):
            patient_id = UNSET
        elif isinstance(self.patient_id, UUID):
            patient_id = str(self.patient_id)
        else:
            patient_id = self.patient_id

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

        def _parse_doctor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                doctor_id_type_0 = UUID(data)

                return doctor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        doctor_id = _parse_doctor_id(d.pop("doctor_id", UNSET))

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

        open_conversation = cls(
            doctor_id=doctor_id,
            patient_id=patient_id,
        )

        return open_conversation
