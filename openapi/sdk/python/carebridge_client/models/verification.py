from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Verification")


@_attrs_define
class Verification:
    """What anyone holding the paper can learn: whether it is genuine and still valid. No patient data.

    Attributes:
        hospital_name (str):
        issued_at (datetime.datetime):
        item_count (int):
        license_number (str):
        prescriber (str):
        status (str): `active`, `dispensed` or `cancelled`.
    """

    hospital_name: str
    issued_at: datetime.datetime
    item_count: int
    license_number: str
    prescriber: str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hospital_name = self.hospital_name

        issued_at = self.issued_at.isoformat()

        item_count = self.item_count

        license_number = self.license_number

        prescriber = self.prescriber

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hospital_name": hospital_name,
                "issued_at": issued_at,
                "item_count": item_count,
                "license_number": license_number,
                "prescriber": prescriber,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hospital_name = d.pop("hospital_name")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        item_count = d.pop("item_count")

        license_number = d.pop("license_number")

        prescriber = d.pop("prescriber")

        status = d.pop("status")

        verification = cls(
            hospital_name=hospital_name,
            issued_at=issued_at,
            item_count=item_count,
            license_number=license_number,
            prescriber=prescriber,
            status=status,
        )

        verification.additional_properties = d
        return verification

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
