from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatientPatch")


@_attrs_define
class PatientPatch:
    """Changes to a patient's profile; absent fields stay as they are.

    Attributes:
        allergies (None | str | Unset):
        blood_type (None | str | Unset): `A+`, `A-`, `B+`, `B-`, `AB+`, `AB-`, `O+` or `O-`.
        date_of_birth (datetime.date | None | Unset):
        emergency_contact (None | str | Unset):
        medical_history (None | str | Unset):
        notification_channels (list[str] | None | Unset): `["email"]`, `["sms"]` or both: how appointment and payment
            notices reach the patient
            (in the app always). SMS needs a `phone` (409 without one).
        phone (None | str | Unset):
        sex (None | str | Unset): `female`, `male`, `other` or `unknown`.
    """

    allergies: None | str | Unset = UNSET
    blood_type: None | str | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    emergency_contact: None | str | Unset = UNSET
    medical_history: None | str | Unset = UNSET
    notification_channels: list[str] | None | Unset = UNSET
    phone: None | str | Unset = UNSET
    sex: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        allergies: None | str | Unset
        if isinstance(self.allergies, Unset):
            allergies = UNSET
        else:
            allergies = self.allergies

        blood_type: None | str | Unset
        if isinstance(self.blood_type, Unset):
            blood_type = UNSET
        else:
            blood_type = self.blood_type

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        emergency_contact: None | str | Unset
        if isinstance(self.emergency_contact, Unset):
            emergency_contact = UNSET
        else:
            emergency_contact = self.emergency_contact

        medical_history: None | str | Unset
        if isinstance(self.medical_history, Unset):
            medical_history = UNSET
        else:
            medical_history = self.medical_history

        notification_channels: list[str] | None | Unset
        if isinstance(self.notification_channels, Unset):
            notification_channels = UNSET
        elif isinstance(self.notification_channels, list):
            notification_channels = self.notification_channels

        else:
            notification_channels = self.notification_channels

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        else:
            sex = self.sex

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if allergies is not UNSET:
            field_dict["allergies"] = allergies
        if blood_type is not UNSET:
            field_dict["blood_type"] = blood_type
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact
        if medical_history is not UNSET:
            field_dict["medical_history"] = medical_history
        if notification_channels is not UNSET:
            field_dict["notification_channels"] = notification_channels
        if phone is not UNSET:
            field_dict["phone"] = phone
        if sex is not UNSET:
            field_dict["sex"] = sex

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_allergies(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allergies = _parse_allergies(d.pop("allergies", UNSET))

        def _parse_blood_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        blood_type = _parse_blood_type(d.pop("blood_type", UNSET))

        def _parse_date_of_birth(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_emergency_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact", UNSET))

        def _parse_medical_history(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        medical_history = _parse_medical_history(d.pop("medical_history", UNSET))

        def _parse_notification_channels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                notification_channels_type_0 = cast(list[str], data)

                return notification_channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        notification_channels = _parse_notification_channels(d.pop("notification_channels", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_sex(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        patient_patch = cls(
            allergies=allergies,
            blood_type=blood_type,
            date_of_birth=date_of_birth,
            emergency_contact=emergency_contact,
            medical_history=medical_history,
            notification_channels=notification_channels,
            phone=phone,
            sex=sex,
        )

        return patient_patch
