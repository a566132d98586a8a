from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Rule")


@_attrs_define
class Rule:
    """
    Attributes:
        end (str): Local time, `HH:MM`.
        start (str): Local time, `HH:MM`.
        weekday (int): 1 = Monday .. 7 = Sunday.
    """

    end: str
    start: str
    weekday: int

    def to_dict(self) -> dict[str, Any]:
        end = self.end

        start = self.start

        weekday = self.weekday

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end": end,
                "start": start,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = d.pop("end")

        start = d.pop("start")

        weekday = d.pop("weekday")

        rule = cls(
            end=end,
            start=start,
            weekday=weekday,
        )

        return rule
