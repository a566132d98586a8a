from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """
    Attributes:
        action (str):
        actor_role (str):
        actor_user_id (None | UUID):
        hospital_id (UUID):
        id (UUID):
        ip (None | str):
        occurred_at (datetime.datetime):
        outcome (str):
        patient_id (None | UUID):
        purpose (None | str):
        request_id (None | str):
        resource_id (None | str):
        resource_type (str):
        seq (int | None): Position in the hospital's hash chain; null until sealed (within about a second).
    """

    action: str
    actor_role: str
    actor_user_id: None | UUID
    hospital_id: UUID
    id: UUID
    ip: None | str
    occurred_at: datetime.datetime
    outcome: str
    patient_id: None | UUID
    purpose: None | str
    request_id: None | str
    resource_id: None | str
    resource_type: str
    seq: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_role = self.actor_role

        actor_user_id: None | str
        if isinstance(self.actor_user_id, UUID):
            actor_user_id = str(self.actor_user_id)
        else:
            actor_user_id = self.actor_user_id

        hospital_id = str(self.hospital_id)

        id = str(self.id)

        ip: None | str
        ip = self.ip

        occurred_at = self.occurred_at.isoformat()

        outcome = self.outcome

        patient_id: None | str
        if isinstance(self.patient_id, UUID):
            patient_id = str(self.patient_id)
        else:
            patient_id = self.patient_id

        purpose: None | str
        purpose = self.purpose

        request_id: None | str
        request_id = self.request_id

        resource_id: None | str
        resource_id = self.resource_id

        resource_type = self.resource_type

        seq: int | None
        seq = self.seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_role": actor_role,
                "actor_user_id": actor_user_id,
                "hospital_id": hospital_id,
                "id": id,
                "ip": ip,
                "occurred_at": occurred_at,
                "outcome": outcome,
                "patient_id": patient_id,
                "purpose": purpose,
                "request_id": request_id,
                "resource_id": resource_id,
                "resource_type": resource_type,
                "seq": seq,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        actor_role = d.pop("actor_role")

        def _parse_actor_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_user_id_type_0 = UUID(data)

                return actor_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_user_id = _parse_actor_user_id(d.pop("actor_user_id"))

        hospital_id = UUID(d.pop("hospital_id"))

        id = UUID(d.pop("id"))

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        outcome = d.pop("outcome")

        def _parse_patient_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                patient_id_type_0 = UUID(data)

                return patient_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        patient_id = _parse_patient_id(d.pop("patient_id"))

        def _parse_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose = _parse_purpose(d.pop("purpose"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_resource_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_id = _parse_resource_id(d.pop("resource_id"))

        resource_type = d.pop("resource_type")

        def _parse_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seq = _parse_seq(d.pop("seq"))

        audit_event = cls(
            action=action,
            actor_role=actor_role,
            actor_user_id=actor_user_id,
            hospital_id=hospital_id,
            id=id,
            ip=ip,
            occurred_at=occurred_at,
            outcome=outcome,
            patient_id=patient_id,
            purpose=purpose,
            request_id=request_id,
            resource_id=resource_id,
            resource_type=resource_type,
            seq=seq,
        )

        audit_event.additional_properties = d
        return audit_event

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
