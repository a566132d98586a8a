from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.hospital_figures_appointments import HospitalFiguresAppointments
    from ..models.platform_revenue import PlatformRevenue


T = TypeVar("T", bound="HospitalFigures")


@_attrs_define
class HospitalFigures:
    """One hospital's figures on the platform: counts and sums, never a patient's data.

    Attributes:
        active_users (int): Users with a session seen in the period.
        appointments (HospitalFiguresAppointments): Status → count.
        hospital_id (UUID):
        name (str):
        revenue (list[PlatformRevenue]):
        slug (str):
    """

    active_users: int
    appointments: HospitalFiguresAppointments
    hospital_id: UUID
    name: str
    revenue: list[PlatformRevenue]
    slug: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_users = self.active_users

        appointments = self.appointments.to_dict()

        hospital_id = str(self.hospital_id)

        name = self.name

        revenue = []
        for revenue_item_data in self.revenue:
            revenue_item = revenue_item_data.to_dict()
            revenue.append(revenue_item)

        slug = self.slug

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_users": active_users,
                "appointments": appointments,
                "hospital_id": hospital_id,
                "name": name,
                "revenue": revenue,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hospital_figures_appointments import HospitalFiguresAppointments  # noqa: PLC0415
        from ..models.platform_revenue import PlatformRevenue  # noqa: PLC0415

        d = dict(src_dict)
        active_users = d.pop("active_users")

        appointments = HospitalFiguresAppointments.from_dict(d.pop("appointments"))

        hospital_id = UUID(d.pop("hospital_id"))

        name = d.pop("name")

        revenue = []
        _revenue = d.pop("revenue")
        for revenue_item_data in _revenue:
            revenue_item = PlatformRevenue.from_dict(revenue_item_data)

            revenue.append(revenue_item)

        slug = d.pop("slug")

        hospital_figures = cls(
            active_users=active_users,
            appointments=appointments,
            hospital_id=hospital_id,
            name=name,
            revenue=revenue,
            slug=slug,
        )

        hospital_figures.additional_properties = d
        return hospital_figures

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
