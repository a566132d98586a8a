from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CallEvent")


@_attrs_define
class CallEvent:
    """One event of a call's record.

    Attributes:
        actor_id (UUID): Who recorded it (the doctor admits the patient).
        at (datetime.datetime):
        bitrate_kbps (int | None):
        id (UUID):
        kind (str): `joined`, `waiting`, `admitted`, `left`, `started`, `ended` or `quality`.
        packet_loss (float | None):
        rtt_ms (int | None):
        user_id (UUID): Whom it is about.
    """

    actor_id: UUID
    at: datetime.datetime
    bitrate_kbps: int | None
    id: UUID
    kind: str
    packet_loss: float | None
    rtt_ms: int | None
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_id = str(self.actor_id)

        at = self.at.isoformat()

        bitrate_kbps: int | None
        bitrate_kbps = self.bitrate_kbps

        id = str(self.id)

        kind = self.kind

        packet_loss: float | None
        packet_loss = self.packet_loss

        rtt_ms: int | None
        rtt_ms = self.rtt_ms

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_id": actor_id,
                "at": at,
                "bitrate_kbps": bitrate_kbps,
                "id": id,
                "kind": kind,
                "packet_loss": packet_loss,
                "rtt_ms": rtt_ms,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor_id = UUID(d.pop("actor_id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_bitrate_kbps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bitrate_kbps = _parse_bitrate_kbps(d.pop("bitrate_kbps"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_packet_loss(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        packet_loss = _parse_packet_loss(d.pop("packet_loss"))

        def _parse_rtt_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rtt_ms = _parse_rtt_ms(d.pop("rtt_ms"))

        user_id = UUID(d.pop("user_id"))

        call_event = cls(
            actor_id=actor_id,
            at=at,
            bitrate_kbps=bitrate_kbps,
            id=id,
            kind=kind,
            packet_loss=packet_loss,
            rtt_ms=rtt_ms,
            user_id=user_id,
        )

        call_event.additional_properties = d
        return call_event

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
