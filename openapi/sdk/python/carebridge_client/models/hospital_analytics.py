from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.day import Day
    from ..models.figures import Figures


T = TypeVar("T", bound="HospitalAnalytics")


@_attrs_define
class HospitalAnalytics:
    """A hospital's figures over a period, in its time zone.

    Attributes:
        days (list[Day]): Every date of the period, oldest first.
        from_ (datetime.date):
        timezone (str):
        to (datetime.date):
        totals (Figures): The figures of a day, or of the whole period.
    """

    days: list[Day]
    from_: datetime.date
    timezone: str
    to: datetime.date
    totals: Figures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        from_ = self.from_.isoformat()

        timezone = self.timezone

        to = self.to.isoformat()

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days": days,
                "from": from_,
                "timezone": timezone,
                "to": to,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day import Day  # noqa: PLC0415
        from ..models.figures import Figures  # noqa: PLC0415

        d = dict(src_dict)
        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = Day.from_dict(days_item_data)

            days.append(days_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        timezone = d.pop("timezone")

        to = datetime.date.fromisoformat(d.pop("to"))

        totals = Figures.from_dict(d.pop("totals"))

        hospital_analytics = cls(
            days=days,
            from_=from_,
            timezone=timezone,
            to=to,
            totals=totals,
        )

        hospital_analytics.additional_properties = d
        return hospital_analytics

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
