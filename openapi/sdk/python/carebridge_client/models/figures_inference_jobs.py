from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.figures_inference_jobs_additional_property import FiguresInferenceJobsAdditionalProperty


T = TypeVar("T", bound="FiguresInferenceJobs")


@_attrs_define
class FiguresInferenceJobs:
    """Kind → status → count, by the job's local creation date."""

    additional_properties: dict[str, FiguresInferenceJobsAdditionalProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures_inference_jobs_additional_property import FiguresInferenceJobsAdditionalProperty  # noqa: PLC0415

        d = dict(src_dict)
        figures_inference_jobs = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = FiguresInferenceJobsAdditionalProperty.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        figures_inference_jobs.additional_properties = additional_properties
        return figures_inference_jobs

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> FiguresInferenceJobsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: FiguresInferenceJobsAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
