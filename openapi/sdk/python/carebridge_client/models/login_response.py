from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LoginResponse")


@_attrs_define
class LoginResponse:
    """A new session; or, for an account with two-factor sign-in on, no token yet but
    `second_factor: "totp"` and a `challenge` for `POST /api/v1/auth/login/totp`.

        Attributes:
            challenge (None | str): Single use, valid five minutes (five tries): pass it with the code.
            expires_at (datetime.datetime | None): The session ends at this time at the latest (it also ends after 30 idle
                minutes).
            hospital_id (None | UUID): Null for a super admin.
            must_enrol_totp (bool): The hospital requires two-factor sign-in of its staff and this account has none yet: the
                session may only enrol (`POST /api/v1/auth/totp`, then `/confirm`) until it is on.
            role (str):
            second_factor (None | str): `totp` when the code step must follow; null once signed in.
            token (None | str): Opaque bearer token (256 bits). Send it as `Authorization: Bearer <token>`. Null when a
                second factor is still needed.
            user_id (UUID):
    """

    challenge: None | str
    expires_at: datetime.datetime | None
    hospital_id: None | UUID
    must_enrol_totp: bool
    role: str
    second_factor: None | str
    token: None | str
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        challenge: None | str
        challenge = self.challenge

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        hospital_id: None | str
        if isinstance(self.hospital_id, UUID):
            hospital_id = str(self.hospital_id)
        else:
            hospital_id = self.hospital_id

        must_enrol_totp = self.must_enrol_totp

        role = self.role

        second_factor: None | str
        second_factor = self.second_factor

        token: None | str
        token = self.token

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "challenge": challenge,
                "expires_at": expires_at,
                "hospital_id": hospital_id,
                "must_enrol_totp": must_enrol_totp,
                "role": role,
                "second_factor": second_factor,
                "token": token,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_challenge(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        challenge = _parse_challenge(d.pop("challenge"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        def _parse_hospital_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hospital_id_type_0 = UUID(data)

                return hospital_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        hospital_id = _parse_hospital_id(d.pop("hospital_id"))

        must_enrol_totp = d.pop("must_enrol_totp")

        role = d.pop("role")

        def _parse_second_factor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        second_factor = _parse_second_factor(d.pop("second_factor"))

        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))

        user_id = UUID(d.pop("user_id"))

        login_response = cls(
            challenge=challenge,
            expires_at=expires_at,
            hospital_id=hospital_id,
            must_enrol_totp=must_enrol_totp,
            role=role,
            second_factor=second_factor,
            token=token,
            user_id=user_id,
        )

        login_response.additional_properties = d
        return login_response

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
