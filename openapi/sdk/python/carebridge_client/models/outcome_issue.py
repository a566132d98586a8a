from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutcomeIssue")


@_attrs_define
class OutcomeIssue:
    """The issues of an `OperationOutcome`.

    Attributes:
        code (str): A FHIR issue type such as `not-found`, `forbidden`, `login` or `invalid`.
        diagnostics (str):
        severity (str): `error`, or `fatal` for a server error.
    """

    code: str
    diagnostics: str
    severity: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        diagnostics = self.diagnostics

        severity = self.severity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "diagnostics": diagnostics,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        diagnostics = d.pop("diagnostics")

        severity = d.pop("severity")

        outcome_issue = cls(
            code=code,
            diagnostics=diagnostics,
            severity=severity,
        )

        outcome_issue.additional_properties = d
        return outcome_issue

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
