from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.exception import Exception_
    from ..models.rule import Rule


T = TypeVar("T", bound="AvailabilityBody")


@_attrs_define
class AvailabilityBody:
    """
    Attributes:
        rules (list[Rule]): At most 100 weekly rules.
        slot_minutes (int): Length of one visit, 5 to 240 minutes.
        timezone (str): IANA time zone the rules are written in, e.g. `Asia/Kathmandu`.
        buffer_minutes (int | None | Unset): Gap left after every visit (default 0, at most 120).
        exceptions (list[Exception_] | None | Unset): At most 400 dated exceptions.
    """

    rules: list[Rule]
    slot_minutes: int
    timezone: str
    buffer_minutes: int | None | Unset = UNSET
    exceptions: list[Exception_] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        slot_minutes = self.slot_minutes

        timezone = self.timezone

        buffer_minutes: int | None | Unset
        if isinstance(self.buffer_minutes, Unset):
            buffer_minutes = UNSET
        else:
            buffer_minutes = self.buffer_minutes

        exceptions: list[dict[str, Any]] | None | Unset
        if isinstance(self.exceptions, Unset):
            exceptions = UNSET
        elif isinstance(self.exceptions, list):
            exceptions = []
            for exceptions_type_0_item_data in self.exceptions:
                exceptions_type_0_item = exceptions_type_0_item_data.to_dict()
                exceptions.append(exceptions_type_0_item)

        else:
            exceptions = self.exceptions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rules": rules,
                "slot_minutes": slot_minutes,
                "timezone": timezone,
            }
        )
        if buffer_minutes is not UNSET:
            field_dict["buffer_minutes"] = buffer_minutes
        if exceptions is not UNSET:
            field_dict["exceptions"] = exceptions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exception import Exception_  # noqa: PLC0415
        from ..models.rule import Rule  # noqa: PLC0415

        d = dict(src_dict)
        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = Rule.from_dict(rules_item_data)

            rules.append(rules_item)

        slot_minutes = d.pop("slot_minutes")

        timezone = d.pop("timezone")

        def _parse_buffer_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        buffer_minutes = _parse_buffer_minutes(d.pop("buffer_minutes", UNSET))

        def _parse_exceptions(data: object) -> list[Exception_] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                exceptions_type_0 = []
                _exceptions_type_0 = data
                for exceptions_type_0_item_data in _exceptions_type_0:
                    exceptions_type_0_item = Exception_.from_dict(exceptions_type_0_item_data)

                    exceptions_type_0.append(exceptions_type_0_item)

                return exceptions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Exception_] | None | Unset, data)

        exceptions = _parse_exceptions(d.pop("exceptions", UNSET))

        availability_body = cls(
            rules=rules,
            slot_minutes=slot_minutes,
            timezone=timezone,
            buffer_minutes=buffer_minutes,
            exceptions=exceptions,
        )

        return availability_body
