from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Latency")


@_attrs_define
class Latency:
    """One kind of inference job's latency (start to finish of the jobs that succeeded).

    Attributes:
        jobs (int):
        kind (str):
        p50_ms (float):
        p95_ms (float):
    """

    jobs: int
    kind: str
    p50_ms: float
    p95_ms: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        jobs = self.jobs

        kind = self.kind

        p50_ms = self.p50_ms

        p95_ms = self.p95_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobs": jobs,
                "kind": kind,
                "p50_ms": p50_ms,
                "p95_ms": p95_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        jobs = d.pop("jobs")

        kind = d.pop("kind")

        p50_ms = d.pop("p50_ms")

        p95_ms = d.pop("p95_ms")

        latency = cls(
            jobs=jobs,
            kind=kind,
            p50_ms=p50_ms,
            p95_ms=p95_ms,
        )

        latency.additional_properties = d
        return latency

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
