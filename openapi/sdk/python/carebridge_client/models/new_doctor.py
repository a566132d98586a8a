from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewDoctor")


@_attrs_define
class NewDoctor:
    """
    Attributes:
        email (str):
        full_name (str):
        license_number (str):
        password (str):
        specialization (str):
        bio (None | str | Unset):
        languages (list[str] | None | Unset):
    """

    email: str
    full_name: str
    license_number: str
    password: str
    specialization: str
    bio: None | str | Unset = UNSET
    languages: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        full_name = self.full_name

        license_number = self.license_number

        password = self.password

        specialization = self.specialization

        bio: None | str | Unset
        if isinstance(self.bio, Unset):
            bio = UNSET
        else:
            bio = self.bio

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages

        else:
            languages = self.languages

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "full_name": full_name,
                "license_number": license_number,
                "password": password,
                "specialization": specialization,
            }
        )
        if bio is not UNSET:
            field_dict["bio"] = bio
        if languages is not UNSET:
            field_dict["languages"] = languages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        full_name = d.pop("full_name")

        license_number = d.pop("license_number")

        password = d.pop("password")

        specialization = d.pop("specialization")

        def _parse_bio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bio = _parse_bio(d.pop("bio", UNSET))

        def _parse_languages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))

        new_doctor = cls(
            email=email,
            full_name=full_name,
            license_number=license_number,
            password=password,
            specialization=specialization,
            bio=bio,
            languages=languages,
        )

        return new_doctor
