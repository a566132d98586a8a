from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.recent_comment import RecentComment


T = TypeVar("T", bound="DoctorRatingsView")


@_attrs_define
class DoctorRatingsView:
    """A doctor's ratings, for hospital admins.

    Attributes:
        doctor_id (UUID):
        doctor_name (str):
        mean_stars (float | None): Null before a first rating.
        ratings (int):
        recent_comments (list[RecentComment]): The five newest comments that say something, newest first.
        specialization (str):
        stars (list[int]): Ratings with 1, 2, 3, 4 and 5 stars, in that order.
    """

    doctor_id: UUID
    doctor_name: str
    mean_stars: float | None
    ratings: int
    recent_comments: list[RecentComment]
    specialization: str
    stars: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        doctor_id = str(self.doctor_id)

        doctor_name = self.doctor_name

        mean_stars: float | None
        mean_stars = self.mean_stars

        ratings = self.ratings

        recent_comments = []
        for recent_comments_item_data in self.recent_comments:
            recent_comments_item = recent_comments_item_data.to_dict()
            recent_comments.append(recent_comments_item)

        specialization = self.specialization

        stars = self.stars

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "doctor_id": doctor_id,
                "doctor_name": doctor_name,
                "mean_stars": mean_stars,
                "ratings": ratings,
                "recent_comments": recent_comments,
                "specialization": specialization,
                "stars": stars,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recent_comment import RecentComment  # noqa: PLC0415

        d = dict(src_dict)
        doctor_id = UUID(d.pop("doctor_id"))

        doctor_name = d.pop("doctor_name")

        def _parse_mean_stars(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_stars = _parse_mean_stars(d.pop("mean_stars"))

        ratings = d.pop("ratings")

        recent_comments = []
        _recent_comments = d.pop("recent_comments")
        for recent_comments_item_data in _recent_comments:
            recent_comments_item = RecentComment.from_dict(recent_comments_item_data)

            recent_comments.append(recent_comments_item)

        specialization = d.pop("specialization")

        stars = cast(list[int], d.pop("stars"))

        doctor_ratings_view = cls(
            doctor_id=doctor_id,
            doctor_name=doctor_name,
            mean_stars=mean_stars,
            ratings=ratings,
            recent_comments=recent_comments,
            specialization=specialization,
            stars=stars,
        )

        doctor_ratings_view.additional_properties = d
        return doctor_ratings_view

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
