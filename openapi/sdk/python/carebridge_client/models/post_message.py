from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostMessage")


@_attrs_define
class PostMessage:
    """`POST /conversations/{id}/messages`.

    Attributes:
        body (str): Up to 4000 characters; may be empty when a document is attached.
        client_id (str): The client's key for this message (1-100 characters): sending it again answers the
            first message instead of posting twice.
        document_id (UUID | Unset):
    """

    body: str
    client_id: str
    document_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        client_id = self.client_id

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
                "client_id": client_id,
            }
        )
        if document_id is not UNSET:
            field_dict["document_id"] = document_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        client_id = d.pop("client_id")

        _document_id = d.pop("document_id", UNSET)
        document_id: UUID | Unset
        if isinstance(_document_id, Unset):
            document_id = UNSET
        else:
            document_id = UUID(_document_id)

        post_message = cls(
            body=body,
            client_id=client_id,
            document_id=document_id,
        )

        return post_message
