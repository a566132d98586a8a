from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TotpLogin")


@_attrs_define
class TotpLogin:
    """The code step: the password step's `challenge` and either a six-digit `code` or a
    `recovery_code`.

        Attributes:
            challenge (str):
            code (str | Unset):
            recovery_code (str | Unset):
    """

    challenge: str
    code: str | Unset = UNSET
    recovery_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        challenge = self.challenge

        code = self.code

        recovery_code = self.recovery_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "challenge": challenge,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if recovery_code is not UNSET:
            field_dict["recovery_code"] = recovery_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        challenge = d.pop("challenge")

        code = d.pop("code", UNSET)

        recovery_code = d.pop("recovery_code", UNSET)

        totp_login = cls(
            challenge=challenge,
            code=code,
            recovery_code=recovery_code,
        )

        return totp_login
