from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewRating")


@_attrs_define
class NewRating:
    """
    Attributes:
        stars (int): 1 to 5.
        comment (None | str | Unset): At most 1000 characters.
    """

    stars: int
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        stars = self.stars

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stars": stars,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stars = d.pop("stars")

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        new_rating = cls(
            stars=stars,
            comment=comment,
        )

        return new_rating
