from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewConsent")


@_attrs_define
class NewConsent:
    """
    Attributes:
        grantee_user_id (UUID): A doctor of this hospital (scope `records`) or a hospital admin (scope `private_notes`).
        scope (str):
        expires_at (datetime.datetime | None | Unset): Open-ended when absent.
    """

    grantee_user_id: UUID
    scope: str
    expires_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grantee_user_id = str(self.grantee_user_id)

        scope = self.scope

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grantee_user_id": grantee_user_id,
                "scope": scope,
            }
        )
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grantee_user_id = UUID(d.pop("grantee_user_id"))

        scope = d.pop("scope")

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        new_consent = cls(
            grantee_user_id=grantee_user_id,
            scope=scope,
            expires_at=expires_at,
        )

        return new_consent
