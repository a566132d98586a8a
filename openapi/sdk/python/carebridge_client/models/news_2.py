from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="News2")


@_attrs_define
class News2:
    """A NEWS2 score: the total, its risk band and each parameter's points.

    Attributes:
        rising (bool): The score rose at each of the patient's last three sets (this one included).
        risk (str): `low`, `low_medium` (a single parameter scoring 3), `medium` (5–6) or `high` (7+).
        score (int): 0 to 20.
    """

    rising: bool
    risk: str
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rising = self.rising

        risk = self.risk

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rising": rising,
                "risk": risk,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rising = d.pop("rising")

        risk = d.pop("risk")

        score = d.pop("score")

        news_2 = cls(
            rising=rising,
            risk=risk,
            score=score,
        )

        news_2.additional_properties = d
        return news_2

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
