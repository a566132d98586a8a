from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutboxMessage")


@_attrs_define
class OutboxMessage:
    """An outgoing message as admins see it (delivery state, not its text).

    Attributes:
        attempts (int):
        channel (str):
        created_at (datetime.datetime):
        id (UUID):
        last_error (None | str):
        next_attempt_at (datetime.datetime):
        segments (int | None): What a text costs, in the provider's segments (GSM-7: 160 characters, 153 a part;
            UCS-2, e.g. Devanagari: 70, 67 a part); null for an email.
        sent_at (datetime.datetime | None):
        status (str):
        subject (str):
    """

    attempts: int
    channel: str
    created_at: datetime.datetime
    id: UUID
    last_error: None | str
    next_attempt_at: datetime.datetime
    segments: int | None
    sent_at: datetime.datetime | None
    status: str
    subject: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        channel = self.channel

        created_at = self.created_at.isoformat()

        id = str(self.id)

        last_error: None | str
        last_error = self.last_error

        next_attempt_at = self.next_attempt_at.isoformat()

        segments: int | None
        segments = self.segments

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        status = self.status

        subject = self.subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "channel": channel,
                "created_at": created_at,
                "id": id,
                "last_error": last_error,
                "next_attempt_at": next_attempt_at,
                "segments": segments,
                "sent_at": sent_at,
                "status": status,
                "subject": subject,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        channel = d.pop("channel")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        next_attempt_at = datetime.datetime.fromisoformat(d.pop("next_attempt_at"))

        def _parse_segments(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        segments = _parse_segments(d.pop("segments"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        status = d.pop("status")

        subject = d.pop("subject")

        outbox_message = cls(
            attempts=attempts,
            channel=channel,
            created_at=created_at,
            id=id,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            segments=segments,
            sent_at=sent_at,
            status=status,
            subject=subject,
        )

        outbox_message.additional_properties = d
        return outbox_message

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
