from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exception import Exception_
    from ..models.rule import Rule


T = TypeVar("T", bound="AvailabilityView")


@_attrs_define
class AvailabilityView:
    """
    Attributes:
        buffer_minutes (int):
        doctor_id (UUID):
        exceptions (list[Exception_]):
        rules (list[Rule]):
        slot_minutes (int):
        timezone (str):
    """

    buffer_minutes: int
    doctor_id: UUID
    exceptions: list[Exception_]
    rules: list[Rule]
    slot_minutes: int
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        buffer_minutes = self.buffer_minutes

        doctor_id = str(self.doctor_id)

        exceptions = []
        for exceptions_item_data in self.exceptions:
            exceptions_item = exceptions_item_data.to_dict()
            exceptions.append(exceptions_item)

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        slot_minutes = self.slot_minutes

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "buffer_minutes": buffer_minutes,
                "doctor_id": doctor_id,
                "exceptions": exceptions,
                "rules": rules,
                "slot_minutes": slot_minutes,
                "timezone": timezone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exception import Exception_  # noqa: PLC0415
        from ..models.rule import Rule  # noqa: PLC0415

        d = dict(src_dict)
        buffer_minutes = d.pop("buffer_minutes")

        doctor_id = UUID(d.pop("doctor_id"))

        exceptions = []
        _exceptions = d.pop("exceptions")
        for exceptions_item_data in _exceptions:
            exceptions_item = Exception_.from_dict(exceptions_item_data)

            exceptions.append(exceptions_item)

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = Rule.from_dict(rules_item_data)

            rules.append(rules_item)

        slot_minutes = d.pop("slot_minutes")

        timezone = d.pop("timezone")

        availability_view = cls(
            buffer_minutes=buffer_minutes,
            doctor_id=doctor_id,
            exceptions=exceptions,
            rules=rules,
            slot_minutes=slot_minutes,
            timezone=timezone,
        )

        availability_view.additional_properties = d
        return availability_view

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
