from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.hospital_figures import HospitalFigures


T = TypeVar("T", bound="PlatformAnalytics")


@_attrs_define
class PlatformAnalytics:
    """Every hospital's figures over a period (each in its own time zone).

    Attributes:
        from_ (datetime.date):
        hospitals (list[HospitalFigures]):
        to (datetime.date):
    """

    from_: datetime.date
    hospitals: list[HospitalFigures]
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        hospitals = []
        for hospitals_item_data in self.hospitals:
            hospitals_item = hospitals_item_data.to_dict()
            hospitals.append(hospitals_item)

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "hospitals": hospitals,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hospital_figures import HospitalFigures  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        hospitals = []
        _hospitals = d.pop("hospitals")
        for hospitals_item_data in _hospitals:
            hospitals_item = HospitalFigures.from_dict(hospitals_item_data)

            hospitals.append(hospitals_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        platform_analytics = cls(
            from_=from_,
            hospitals=hospitals,
            to=to,
        )

        platform_analytics.additional_properties = d
        return platform_analytics

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
