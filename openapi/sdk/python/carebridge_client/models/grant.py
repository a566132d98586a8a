from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Grant")


@_attrs_define
class Grant:
    """A grant of access to one patient's records.

    Attributes:
        active (bool): Unexpired and not revoked.
        created_at (datetime.datetime):
        expires_at (datetime.datetime | None):
        grantee_user_id (UUID):
        id (UUID):
        kind (str): `consent` (from the patient) or `break_glass` (emergency access by a doctor).
        patient_id (UUID):
        reason (None | str):
        revoked_at (datetime.datetime | None):
        scope (str): `records` (a doctor outside the care team) or `private_notes` (a hospital admin).
    """

    active: bool
    created_at: datetime.datetime
    expires_at: datetime.datetime | None
    grantee_user_id: UUID
    id: UUID
    kind: str
    patient_id: UUID
    reason: None | str
    revoked_at: datetime.datetime | None
    scope: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        grantee_user_id = str(self.grantee_user_id)

        id = str(self.id)

        kind = self.kind

        patient_id = str(self.patient_id)

        reason: None | str
        reason = self.reason

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "expires_at": expires_at,
                "grantee_user_id": grantee_user_id,
                "id": id,
                "kind": kind,
                "patient_id": patient_id,
                "reason": reason,
                "revoked_at": revoked_at,
                "scope": scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        grantee_user_id = UUID(d.pop("grantee_user_id"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        patient_id = UUID(d.pop("patient_id"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        scope = d.pop("scope")

        grant = cls(
            active=active,
            created_at=created_at,
            expires_at=expires_at,
            grantee_user_id=grantee_user_id,
            id=id,
            kind=kind,
            patient_id=patient_id,
            reason=reason,
            revoked_at=revoked_at,
            scope=scope,
        )

        grant.additional_properties = d
        return grant

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
