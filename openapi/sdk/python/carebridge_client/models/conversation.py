from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Conversation")


@_attrs_define
class Conversation:
    """A doctor and a patient of their care team, talking.

    Attributes:
        created_at (datetime.datetime):
        doctor_id (UUID):
        doctor_user_id (UUID): The doctor's user (who sends as the doctor).
        id (UUID):
        last_message_at (datetime.datetime | None): When the newest message was sent; null before the first.
        patient_id (UUID):
        patient_user_id (UUID): The patient's user.
        unread (int): Messages from the other party after the caller's read receipt.
    """

    created_at: datetime.datetime
    doctor_id: UUID
    doctor_user_id: UUID
    id: UUID
    last_message_at: datetime.datetime | None
    patient_id: UUID
    patient_user_id: UUID
    unread: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        doctor_id = str(self.doctor_id)

        doctor_user_id = str(self.doctor_user_id)

        id = str(self.id)

        last_message_at: None | str
        if isinstance(self.last_message_at, datetime.datetime):
            last_message_at = self.last_message_at.isoformat()
        else:
            last_message_at = self.last_message_at

        patient_id = str(self.patient_id)

        patient_user_id = str(self.patient_user_id)

        unread = self.unread

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "doctor_id": doctor_id,
                "doctor_user_id": doctor_user_id,
                "id": id,
                "last_message_at": last_message_at,
                "patient_id": patient_id,
                "patient_user_id": patient_user_id,
                "unread": unread,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        doctor_id = UUID(d.pop("doctor_id"))

        doctor_user_id = UUID(d.pop("doctor_user_id"))

        id = UUID(d.pop("id"))

        def _parse_last_message_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_message_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_message_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_message_at = _parse_last_message_at(d.pop("last_message_at"))

        patient_id = UUID(d.pop("patient_id"))

        patient_user_id = UUID(d.pop("patient_user_id"))

        unread = d.pop("unread")

        conversation = cls(
            created_at=created_at,
            doctor_id=doctor_id,
            doctor_user_id=doctor_user_id,
            id=id,
            last_message_at=last_message_at,
            patient_id=patient_id,
            patient_user_id=patient_user_id,
            unread=unread,
        )

        conversation.additional_properties = d
        return conversation

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
