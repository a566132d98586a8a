from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewNote")


@_attrs_define
class NewNote:
    """
    Attributes:
        body (str):
        encounter_id (None | Unset | UUID):
        private (bool | Unset):  Default: False.
    """

    body: str
    encounter_id: None | Unset | UUID = UNSET
    private: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        encounter_id: None | str | Unset
        if isinstance(self.encounter_id, Unset):
            encounter_id = UNSET
        elif isinstance(self.encounter_id, UUID):
            encounter_id = str(self.encounter_id)
        else:
            encounter_id = self.encounter_id

        private = self.private

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
            }
        )
        if encounter_id is not UNSET:
            field_dict["encounter_id"] = encounter_id
        if private is not UNSET:
            field_dict["private"] = private

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        def _parse_encounter_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                encounter_id_type_0 = UUID(data)

                return encounter_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        encounter_id = _parse_encounter_id(d.pop("encounter_id", UNSET))

        private = d.pop("private", UNSET)

        new_note = cls(
            body=body,
            encounter_id=encounter_id,
            private=private,
        )

        return new_note
