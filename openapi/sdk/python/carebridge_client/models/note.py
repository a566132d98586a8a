from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Note")


@_attrs_define
class Note:
    """
    Attributes:
        author_user_id (UUID):
        body (str):
        created_at (datetime.datetime):
        encounter_id (None | UUID):
        id (UUID):
        patient_id (UUID):
        private (bool): Hidden from hospital admins unless the patient grants them access.
    """

    author_user_id: UUID
    body: str
    created_at: datetime.datetime
    encounter_id: None | UUID
    id: UUID
    patient_id: UUID
    private: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_user_id = str(self.author_user_id)

        body = self.body

        created_at = self.created_at.isoformat()

        encounter_id: None | str
        if isinstance(self.encounter_id, UUID):
            encounter_id = str(self.encounter_id)
        else:
            encounter_id = self.encounter_id

        id = str(self.id)

        patient_id = str(self.patient_id)

        private = self.private

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author_user_id": author_user_id,
                "body": body,
                "created_at": created_at,
                "encounter_id": encounter_id,
                "id": id,
                "patient_id": patient_id,
                "private": private,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author_user_id = UUID(d.pop("author_user_id"))

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_encounter_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                encounter_id_type_0 = UUID(data)

                return encounter_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        encounter_id = _parse_encounter_id(d.pop("encounter_id"))

        id = UUID(d.pop("id"))

        patient_id = UUID(d.pop("patient_id"))

        private = d.pop("private")

        note = cls(
            author_user_id=author_user_id,
            body=body,
            created_at=created_at,
            encounter_id=encounter_id,
            id=id,
            patient_id=patient_id,
            private=private,
        )

        note.additional_properties = d
        return note

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
