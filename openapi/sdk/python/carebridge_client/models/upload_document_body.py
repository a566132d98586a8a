from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..models.upload_document_body_kind import UploadDocumentBodyKind
from ..types import File

T = TypeVar("T", bound="UploadDocumentBody")


@_attrs_define
class UploadDocumentBody:
    """
    Attributes:
        file (File): The document (at most MAX_UPLOAD_BYTES).
        kind (UploadDocumentBodyKind): What the document is.
        title (str): A short title, 1 to 200 characters.
    """

    file: File
    kind: UploadDocumentBodyKind
    title: str

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        kind = self.kind.value

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
                "kind": kind,
                "title": title,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("kind", (None, str(self.kind.value).encode(), "text/plain")))

        files.append(("title", (None, str(self.title).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        kind = UploadDocumentBodyKind(d.pop("kind"))

        title = d.pop("title")

        upload_document_body = cls(
            file=file,
            kind=kind,
            title=title,
        )

        return upload_document_body
