from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Permission")


@_attrs_define
class Permission:
    """
    Attributes:
        action (str): e.g. `read`, `dispense`.
        object_ (str): e.g. `patient`, `prescription`.
    """

    action: str
    object_: str

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        object_ = self.object_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "object": object_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        object_ = d.pop("object")

        permission = cls(
            action=action,
            object_=object_,
        )

        return permission
