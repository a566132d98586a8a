from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        email (str):
        full_name (str):
        hospital_id (None | UUID):
        hospital_slug (None | str):
        must_change_password (bool): The account must change its password before anything else.
        must_enrol_totp (bool): The hospital requires two-factor sign-in of its staff and this account has none yet: it
            must enrol (`POST /api/v1/auth/totp`, then `/confirm`) before anything else.
        permissions (list[str]): What the caller's role may do, as `object:action` (`prescription:dispense`,
            `appointment:approve`, …): for a client to show what applies. The server still checks
            every call.
        role (str):
        user_id (UUID):
    """

    email: str
    full_name: str
    hospital_id: None | UUID
    hospital_slug: None | str
    must_change_password: bool
    must_enrol_totp: bool
    permissions: list[str]
    role: str
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        full_name = self.full_name

        hospital_id: None | str
        if isinstance(self.hospital_id, UUID):
            hospital_id = str(self.hospital_id)
        else:
            hospital_id = self.hospital_id

        hospital_slug: None | str
        hospital_slug = self.hospital_slug

        must_change_password = self.must_change_password

        must_enrol_totp = self.must_enrol_totp

        permissions = self.permissions

        role = self.role

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "full_name": full_name,
                "hospital_id": hospital_id,
                "hospital_slug": hospital_slug,
                "must_change_password": must_change_password,
                "must_enrol_totp": must_enrol_totp,
                "permissions": permissions,
                "role": role,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        full_name = d.pop("full_name")

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

        def _parse_hospital_slug(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hospital_slug = _parse_hospital_slug(d.pop("hospital_slug"))

        must_change_password = d.pop("must_change_password")

        must_enrol_totp = d.pop("must_enrol_totp")

        permissions = cast(list[str], d.pop("permissions"))

        role = d.pop("role")

        user_id = UUID(d.pop("user_id"))

        me = cls(
            email=email,
            full_name=full_name,
            hospital_id=hospital_id,
            hospital_slug=hospital_slug,
            must_change_password=must_change_password,
            must_enrol_totp=must_enrol_totp,
            permissions=permissions,
            role=role,
            user_id=user_id,
        )

        me.additional_properties = d
        return me

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
