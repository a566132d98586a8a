from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="NewJob")


@_attrs_define
class NewJob:
    """
    Attributes:
        document_id (UUID):
        kind (str): `sleep_staging` (an EDF/EDF+/BDF recording) or `chest_xray`.
    """

    document_id: UUID
    kind: str

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document_id": document_id,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_id = UUID(d.pop("document_id"))

        kind = d.pop("kind")

        new_job = cls(
            document_id=document_id,
            kind=kind,
        )

        return new_job
