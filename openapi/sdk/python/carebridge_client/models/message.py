from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """One chat message.

    Attributes:
        body (str):
        client_id (str): The sender's idempotency key.
        conversation_id (UUID):
        created_at (datetime.datetime):
        document_id (None | UUID): One of the patient's documents, attached (read it through `/documents/{id}`).
        id (UUID):
        sender_id (UUID):
    """

    body: str
    client_id: str
    conversation_id: UUID
    created_at: datetime.datetime
    document_id: None | UUID
    id: UUID
    sender_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        client_id = self.client_id

        conversation_id = str(self.conversation_id)

        created_at = self.created_at.isoformat()

        document_id: None | str
        if isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = self.document_id

        id = str(self.id)

        sender_id = str(self.sender_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "client_id": client_id,
                "conversation_id": conversation_id,
                "created_at": created_at,
                "document_id": document_id,
                "id": id,
                "sender_id": sender_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        client_id = d.pop("client_id")

        conversation_id = UUID(d.pop("conversation_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_document_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        document_id = _parse_document_id(d.pop("document_id"))

        id = UUID(d.pop("id"))

        sender_id = UUID(d.pop("sender_id"))

        message = cls(
            body=body,
            client_id=client_id,
            conversation_id=conversation_id,
            created_at=created_at,
            document_id=document_id,
            id=id,
            sender_id=sender_id,
        )

        message.additional_properties = d
        return message

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
