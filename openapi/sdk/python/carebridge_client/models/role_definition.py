from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.permission import Permission


T = TypeVar("T", bound="RoleDefinition")


@_attrs_define
class RoleDefinition:
    """
    Attributes:
        name (str): Lowercase letters, digits and underscores, e.g. `pharmacist`.
        permissions (list[Permission]): Only what a hospital admin may do can be granted.
    """

    name: str
    permissions: list[Permission]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.to_dict()
            permissions.append(permissions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "permissions": permissions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.permission import Permission  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        permissions = []
        _permissions = d.pop("permissions")
        for permissions_item_data in _permissions:
            permissions_item = Permission.from_dict(permissions_item_data)

            permissions.append(permissions_item)

        role_definition = cls(
            name=name,
            permissions=permissions,
        )

        return role_definition
