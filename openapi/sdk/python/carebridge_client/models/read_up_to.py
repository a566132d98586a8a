from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReadUpTo")


@_attrs_define
class ReadUpTo:
    """`POST /conversations/{id}/read`.

    Attributes:
        message_id (UUID): The newest message the caller has read.
    """

    message_id: UUID

    def to_dict(self) -> dict[str, Any]:
        message_id = str(self.message_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message_id": message_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message_id = UUID(d.pop("message_id"))

        read_up_to = cls(
            message_id=message_id,
        )

        return read_up_to
