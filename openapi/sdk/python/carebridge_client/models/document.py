from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """A stored document's description (never its content).

    Attributes:
        content_type (str):
        created_at (datetime.datetime):
        file_name (str):
        id (UUID):
        kind (str): `lab_report`, `imaging`, `eeg` or `other`.
        patient_id (UUID):
        sha256 (str): SHA-256 of the plaintext, hex.
        size (int): Plaintext size in bytes.
        title (str):
        uploaded_by (UUID):
    """

    content_type: str
    created_at: datetime.datetime
    file_name: str
    id: UUID
    kind: str
    patient_id: UUID
    sha256: str
    size: int
    title: str
    uploaded_by: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        created_at = self.created_at.isoformat()

        file_name = self.file_name

        id = str(self.id)

        kind = self.kind

        patient_id = str(self.patient_id)

        sha256 = self.sha256

        size = self.size

        title = self.title

        uploaded_by = str(self.uploaded_by)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_type": content_type,
                "created_at": created_at,
                "file_name": file_name,
                "id": id,
                "kind": kind,
                "patient_id": patient_id,
                "sha256": sha256,
                "size": size,
                "title": title,
                "uploaded_by": uploaded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        file_name = d.pop("file_name")

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        patient_id = UUID(d.pop("patient_id"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        title = d.pop("title")

        uploaded_by = UUID(d.pop("uploaded_by"))

        document = cls(
            content_type=content_type,
            created_at=created_at,
            file_name=file_name,
            id=id,
            kind=kind,
            patient_id=patient_id,
            sha256=sha256,
            size=size,
            title=title,
            uploaded_by=uploaded_by,
        )

        document.additional_properties = d
        return document

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
