from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Patient")


@_attrs_define
class Patient:
    """
    Attributes:
        allergies (str):
        blood_type (None | str):
        created_at (datetime.datetime):
        date_of_birth (datetime.date | None):
        email (str):
        emergency_contact (str):
        full_name (str):
        id (UUID):
        medical_history (str):
        notification_channels (list[str]): How appointment and payment notices reach the patient besides the app:
            `email`, `sms`
            or both.
        phone (None | str):
        sex (None | str):
        user_id (UUID):
    """

    allergies: str
    blood_type: None | str
    created_at: datetime.datetime
    date_of_birth: datetime.date | None
    email: str
    emergency_contact: str
    full_name: str
    id: UUID
    medical_history: str
    notification_channels: list[str]
    phone: None | str
    sex: None | str
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allergies = self.allergies

        blood_type: None | str
        blood_type = self.blood_type

        created_at = self.created_at.isoformat()

        date_of_birth: None | str
        if isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        email = self.email

        emergency_contact = self.emergency_contact

        full_name = self.full_name

        id = str(self.id)

        medical_history = self.medical_history

        notification_channels = self.notification_channels

        phone: None | str
        phone = self.phone

        sex: None | str
        sex = self.sex

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allergies": allergies,
                "blood_type": blood_type,
                "created_at": created_at,
                "date_of_birth": date_of_birth,
                "email": email,
                "emergency_contact": emergency_contact,
                "full_name": full_name,
                "id": id,
                "medical_history": medical_history,
                "notification_channels": notification_channels,
                "phone": phone,
                "sex": sex,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allergies = d.pop("allergies")

        def _parse_blood_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        blood_type = _parse_blood_type(d.pop("blood_type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_date_of_birth(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth"))

        email = d.pop("email")

        emergency_contact = d.pop("emergency_contact")

        full_name = d.pop("full_name")

        id = UUID(d.pop("id"))

        medical_history = d.pop("medical_history")

        notification_channels = cast(list[str], d.pop("notification_channels"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_sex(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sex = _parse_sex(d.pop("sex"))

        user_id = UUID(d.pop("user_id"))

        patient = cls(
            allergies=allergies,
            blood_type=blood_type,
            created_at=created_at,
            date_of_birth=date_of_birth,
            email=email,
            emergency_contact=emergency_contact,
            full_name=full_name,
            id=id,
            medical_history=medical_history,
            notification_channels=notification_channels,
            phone=phone,
            sex=sex,
            user_id=user_id,
        )

        patient.additional_properties = d
        return patient

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
