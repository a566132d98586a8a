from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
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
        document_id (None | Unset | UUID):
    """

    body: str
    client_id: str
    document_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        client_id = self.client_id

        document_id: None | str | Unset
        if isinstance(self.document_id, Unset):
            document_id = UNSET
        elif isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = self.document_id

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

        def _parse_document_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        document_id = _parse_document_id(d.pop("document_id", UNSET))

        post_message = cls(
            body=body,
            client_id=client_id,
            document_id=document_id,
        )

        return post_message
