from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.figures_appointments import FiguresAppointments
    from ..models.figures_inference_jobs import FiguresInferenceJobs
    from ..models.latency import Latency
    from ..models.revenue import Revenue


T = TypeVar("T", bound="Figures")


@_attrs_define
class Figures:
    """The figures of a day, or of the whole period.

    Attributes:
        appointments (FiguresAppointments): Status → count, by the appointment's local start date.
        booked_minutes (int):
        calls (int): Appointments whose video call started.
        inference_jobs (FiguresInferenceJobs): Kind → status → count, by the job's local creation date.
        inference_latency (list[Latency]):
        mean_call_minutes (float | None): From the call's start to its end, for calls that ended.
        mean_rating (float | None):
        median_minutes_to_confirm (float | None): From the request to its confirmation, for appointments confirmed.
        model_agreement (float | None): The share of reviewed sleep-staging epochs whose stage a doctor left as the
            model gave
            it (reviewed: jobs with at least one correction); null when none was reviewed.
        no_show_rate (float | None): No-shows ÷ (completed + no-shows); null when neither happened.
        published_minutes (int):
        ratings (int):
        revenue (list[Revenue]):
        reviewed_epochs (int):
        utilisation (float | None): Minutes booked (confirmed, in progress, completed or missed) ÷ minutes the doctors
            published; null when nothing was published.
    """

    appointments: FiguresAppointments
    booked_minutes: int
    calls: int
    inference_jobs: FiguresInferenceJobs
    inference_latency: list[Latency]
    mean_call_minutes: float | None
    mean_rating: float | None
    median_minutes_to_confirm: float | None
    model_agreement: float | None
    no_show_rate: float | None
    published_minutes: int
    ratings: int
    revenue: list[Revenue]
    reviewed_epochs: int
    utilisation: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointments = self.appointments.to_dict()

        booked_minutes = self.booked_minutes

        calls = self.calls

        inference_jobs = self.inference_jobs.to_dict()

        inference_latency = []
        for inference_latency_item_data in self.inference_latency:
            inference_latency_item = inference_latency_item_data.to_dict()
            inference_latency.append(inference_latency_item)

        mean_call_minutes: float | None
        mean_call_minutes = self.mean_call_minutes

        mean_rating: float | None
        mean_rating = self.mean_rating

        median_minutes_to_confirm: float | None
        median_minutes_to_confirm = self.median_minutes_to_confirm

        model_agreement: float | None
        model_agreement = self.model_agreement

        no_show_rate: float | None
        no_show_rate = self.no_show_rate

        published_minutes = self.published_minutes

        ratings = self.ratings

        revenue = []
        for revenue_item_data in self.revenue:
            revenue_item = revenue_item_data.to_dict()
            revenue.append(revenue_item)

        reviewed_epochs = self.reviewed_epochs

        utilisation: float | None
        utilisation = self.utilisation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointments": appointments,
                "booked_minutes": booked_minutes,
                "calls": calls,
                "inference_jobs": inference_jobs,
                "inference_latency": inference_latency,
                "mean_call_minutes": mean_call_minutes,
                "mean_rating": mean_rating,
                "median_minutes_to_confirm": median_minutes_to_confirm,
                "model_agreement": model_agreement,
                "no_show_rate": no_show_rate,
                "published_minutes": published_minutes,
                "ratings": ratings,
                "revenue": revenue,
                "reviewed_epochs": reviewed_epochs,
                "utilisation": utilisation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures_appointments import FiguresAppointments  # noqa: PLC0415
        from ..models.figures_inference_jobs import FiguresInferenceJobs  # noqa: PLC0415
        from ..models.latency import Latency  # noqa: PLC0415
        from ..models.revenue import Revenue  # noqa: PLC0415

        d = dict(src_dict)
        appointments = FiguresAppointments.from_dict(d.pop("appointments"))

        booked_minutes = d.pop("booked_minutes")

        calls = d.pop("calls")

        inference_jobs = FiguresInferenceJobs.from_dict(d.pop("inference_jobs"))

        inference_latency = []
        _inference_latency = d.pop("inference_latency")
        for inference_latency_item_data in _inference_latency:
            inference_latency_item = Latency.from_dict(inference_latency_item_data)

            inference_latency.append(inference_latency_item)

        def _parse_mean_call_minutes(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_call_minutes = _parse_mean_call_minutes(d.pop("mean_call_minutes"))

        def _parse_mean_rating(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_rating = _parse_mean_rating(d.pop("mean_rating"))

        def _parse_median_minutes_to_confirm(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_minutes_to_confirm = _parse_median_minutes_to_confirm(d.pop("median_minutes_to_confirm"))

        def _parse_model_agreement(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        model_agreement = _parse_model_agreement(d.pop("model_agreement"))

        def _parse_no_show_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        no_show_rate = _parse_no_show_rate(d.pop("no_show_rate"))

        published_minutes = d.pop("published_minutes")

        ratings = d.pop("ratings")

        revenue = []
        _revenue = d.pop("revenue")
        for revenue_item_data in _revenue:
            revenue_item = Revenue.from_dict(revenue_item_data)

            revenue.append(revenue_item)

        reviewed_epochs = d.pop("reviewed_epochs")

        def _parse_utilisation(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        utilisation = _parse_utilisation(d.pop("utilisation"))

        figures = cls(
            appointments=appointments,
            booked_minutes=booked_minutes,
            calls=calls,
            inference_jobs=inference_jobs,
            inference_latency=inference_latency,
            mean_call_minutes=mean_call_minutes,
            mean_rating=mean_rating,
            median_minutes_to_confirm=median_minutes_to_confirm,
            model_agreement=model_agreement,
            no_show_rate=no_show_rate,
            published_minutes=published_minutes,
            ratings=ratings,
            revenue=revenue,
            reviewed_epochs=reviewed_epochs,
            utilisation=utilisation,
        )

        figures.additional_properties = d
        return figures

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
