from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.correction import Correction


T = TypeVar("T", bound="CorrectionSet")


@_attrs_define
class CorrectionSet:
    """A doctor's corrections to a job's stages. Named `CorrectionSet` in the spec: a schema whose
    name equals one of its properties trips openapi-python-client (its issue #1117).

        Attributes:
            corrections (list[Correction]):
    """

    corrections: list[Correction]

    def to_dict(self) -> dict[str, Any]:
        corrections = []
        for corrections_item_data in self.corrections:
            corrections_item = corrections_item_data.to_dict()
            corrections.append(corrections_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "corrections": corrections,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.correction import Correction  # noqa: PLC0415

        d = dict(src_dict)
        corrections = []
        _corrections = d.pop("corrections")
        for corrections_item_data in _corrections:
            corrections_item = Correction.from_dict(corrections_item_data)

            corrections.append(corrections_item)

        correction_set = cls(
            corrections=corrections,
        )

        return correction_set
