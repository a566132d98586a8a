from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessLogEntry")


@_attrs_define
class AccessLogEntry:
    """One access to a patient's record.

    Attributes:
        action (str):
        actor_name (None | str): The person's name where the caller may see it (staff names are visible to members).
        actor_role (str):
        id (UUID):
        occurred_at (datetime.datetime):
        outcome (str):
        purpose (None | str):
        resource_type (str):
    """

    action: str
    actor_name: None | str
    actor_role: str
    id: UUID
    occurred_at: datetime.datetime
    outcome: str
    purpose: None | str
    resource_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_name: None | str
        actor_name = self.actor_name

        actor_role = self.actor_role

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        outcome = self.outcome

        purpose: None | str
        purpose = self.purpose

        resource_type = self.resource_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_name": actor_name,
                "actor_role": actor_role,
                "id": id,
                "occurred_at": occurred_at,
                "outcome": outcome,
                "purpose": purpose,
                "resource_type": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        def _parse_actor_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_name = _parse_actor_name(d.pop("actor_name"))

        actor_role = d.pop("actor_role")

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        outcome = d.pop("outcome")

        def _parse_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose = _parse_purpose(d.pop("purpose"))

        resource_type = d.pop("resource_type")

        access_log_entry = cls(
            action=action,
            actor_name=actor_name,
            actor_role=actor_role,
            id=id,
            occurred_at=occurred_at,
            outcome=outcome,
            purpose=purpose,
            resource_type=resource_type,
        )

        access_log_entry.additional_properties = d
        return access_log_entry

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
