from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_provider import PaymentProvider
from ..types import UNSET, Unset

T = TypeVar("T", bound="HospitalPatch")


@_attrs_define
class HospitalPatch:
    """Changes to a hospital; absent fields stay as they are. `suspended` is the super admin's.

    Attributes:
        ai_assistance (bool | None | Unset):
        ai_chest_xray (bool | None | Unset): AI chest X-ray triage (when `ai_assistance` is on).
        ai_sleep_staging (bool | None | Unset): AI sleep staging (when `ai_assistance` is on).
        ai_specialty_suggestion (bool | None | Unset): AI specialty suggestions from a patient's reason for a visit
            (when `ai_assistance` is
            on).
        appointment_fee (int | None | Unset):
        approval_required (bool | None | Unset):
        booking_horizon_days (int | None | Unset): How far ahead patients may book (1 to 365 days).
        cancellation_window_hours (int | None | Unset): Patients may cancel a confirmed appointment until this many
            hours before it (0 to 720).
        currency (None | str | Unset):
        inference_concurrency (int | None | Unset): AI jobs of this hospital that may run at once (1 to 64).
        inference_daily_quota (int | None | Unset): AI jobs the hospital may queue per day (0 to 100000).
        min_notice_minutes (int | None | Unset): How soon a slot may be booked (0 to 10080 minutes ahead).
        name (None | str | Unset):
        payment_provider (None | PaymentProvider | Unset):
        payment_required (bool | None | Unset):
        payment_window_minutes (int | None | Unset): How long an approved appointment holds its time while it awaits
            payment (5 to 1440
            minutes).
        refund_window_hours (int | None | Unset): A paid appointment cancelled at least this many hours before it is
            refunded (0 to 720).
        suspended (bool | None | Unset): true ends every session of the hospital and blocks its logins; false lifts it.
        timezone (None | str | Unset):
        totp_required (bool | None | Unset): Two-factor sign-in is mandatory for staff (every member but patients): one
            without it
            is sent to enrolment after the password step, from their next sign-in.
    """

    ai_assistance: bool | None | Unset = UNSET
    ai_chest_xray: bool | None | Unset = UNSET
    ai_sleep_staging: bool | None | Unset = UNSET
    ai_specialty_suggestion: bool | None | Unset = UNSET
    appointment_fee: int | None | Unset = UNSET
    approval_required: bool | None | Unset = UNSET
    booking_horizon_days: int | None | Unset = UNSET
    cancellation_window_hours: int | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    inference_concurrency: int | None | Unset = UNSET
    inference_daily_quota: int | None | Unset = UNSET
    min_notice_minutes: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    payment_provider: None | PaymentProvider | Unset = UNSET
    payment_required: bool | None | Unset = UNSET
    payment_window_minutes: int | None | Unset = UNSET
    refund_window_hours: int | None | Unset = UNSET
    suspended: bool | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    totp_required: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ai_assistance: bool | None | Unset
        if isinstance(self.ai_assistance, Unset):
            ai_assistance = UNSET
        else:
            ai_assistance = self.ai_assistance

        ai_chest_xray: bool | None | Unset
        if isinstance(self.ai_chest_xray, Unset):
            ai_chest_xray = UNSET
        else:
            ai_chest_xray = self.ai_chest_xray

        ai_sleep_staging: bool | None | Unset
        if isinstance(self.ai_sleep_staging, Unset):
            ai_sleep_staging = UNSET
        else:
            ai_sleep_staging = self.ai_sleep_staging

        ai_specialty_suggestion: bool | None | Unset
        if isinstance(self.ai_specialty_suggestion, Unset):
            ai_specialty_suggestion = UNSET
        else:
            ai_specialty_suggestion = self.ai_specialty_suggestion

        appointment_fee: int | None | Unset
        if isinstance(self.appointment_fee, Unset):
            appointment_fee = UNSET
        else:
            appointment_fee = self.appointment_fee

        approval_required: bool | None | Unset
        if isinstance(self.approval_required, Unset):
            approval_required = UNSET
        else:
            approval_required = self.approval_required

        booking_horizon_days: int | None | Unset
        if isinstance(self.booking_horizon_days, Unset):
            booking_horizon_days = UNSET
        else:
            booking_horizon_days = self.booking_horizon_days

        cancellation_window_hours: int | None | Unset
        if isinstance(self.cancellation_window_hours, Unset):
            cancellation_window_hours = UNSET
        else:
            cancellation_window_hours = self.cancellation_window_hours

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        inference_concurrency: int | None | Unset
        if isinstance(self.inference_concurrency, Unset):
            inference_concurrency = UNSET
        else:
            inference_concurrency = self.inference_concurrency

        inference_daily_quota: int | None | Unset
        if isinstance(self.inference_daily_quota, Unset):
            inference_daily_quota = UNSET
        else:
            inference_daily_quota = self.inference_daily_quota

        min_notice_minutes: int | None | Unset
        if isinstance(self.min_notice_minutes, Unset):
            min_notice_minutes = UNSET
        else:
            min_notice_minutes = self.min_notice_minutes

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        payment_provider: None | str | Unset
        if isinstance(self.payment_provider, Unset):
            payment_provider = UNSET
        elif isinstance(self.payment_provider, PaymentProvider):
            payment_provider = self.payment_provider.value
        else:
            payment_provider = self.payment_provider

        payment_required: bool | None | Unset
        if isinstance(self.payment_required, Unset):
            payment_required = UNSET
        else:
            payment_required = self.payment_required

        payment_window_minutes: int | None | Unset
        if isinstance(self.payment_window_minutes, Unset):
            payment_window_minutes = UNSET
        else:
            payment_window_minutes = self.payment_window_minutes

        refund_window_hours: int | None | Unset
        if isinstance(self.refund_window_hours, Unset):
            refund_window_hours = UNSET
        else:
            refund_window_hours = self.refund_window_hours

        suspended: bool | None | Unset
        if isinstance(self.suspended, Unset):
            suspended = UNSET
        else:
            suspended = self.suspended

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        totp_required: bool | None | Unset
        if isinstance(self.totp_required, Unset):
            totp_required = UNSET
        else:
            totp_required = self.totp_required

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ai_assistance is not UNSET:
            field_dict["ai_assistance"] = ai_assistance
        if ai_chest_xray is not UNSET:
            field_dict["ai_chest_xray"] = ai_chest_xray
        if ai_sleep_staging is not UNSET:
            field_dict["ai_sleep_staging"] = ai_sleep_staging
        if ai_specialty_suggestion is not UNSET:
            field_dict["ai_specialty_suggestion"] = ai_specialty_suggestion
        if appointment_fee is not UNSET:
            field_dict["appointment_fee"] = appointment_fee
        if approval_required is not UNSET:
            field_dict["approval_required"] = approval_required
        if booking_horizon_days is not UNSET:
            field_dict["booking_horizon_days"] = booking_horizon_days
        if cancellation_window_hours is not UNSET:
            field_dict["cancellation_window_hours"] = cancellation_window_hours
        if currency is not UNSET:
            field_dict["currency"] = currency
        if inference_concurrency is not UNSET:
            field_dict["inference_concurrency"] = inference_concurrency
        if inference_daily_quota is not UNSET:
            field_dict["inference_daily_quota"] = inference_daily_quota
        if min_notice_minutes is not UNSET:
            field_dict["min_notice_minutes"] = min_notice_minutes
        if name is not UNSET:
            field_dict["name"] = name
        if payment_provider is not UNSET:
            field_dict["payment_provider"] = payment_provider
        if payment_required is not UNSET:
            field_dict["payment_required"] = payment_required
        if payment_window_minutes is not UNSET:
            field_dict["payment_window_minutes"] = payment_window_minutes
        if refund_window_hours is not UNSET:
            field_dict["refund_window_hours"] = refund_window_hours
        if suspended is not UNSET:
            field_dict["suspended"] = suspended
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if totp_required is not UNSET:
            field_dict["totp_required"] = totp_required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ai_assistance(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ai_assistance = _parse_ai_assistance(d.pop("ai_assistance", UNSET))

        def _parse_ai_chest_xray(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ai_chest_xray = _parse_ai_chest_xray(d.pop("ai_chest_xray", UNSET))

        def _parse_ai_sleep_staging(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ai_sleep_staging = _parse_ai_sleep_staging(d.pop("ai_sleep_staging", UNSET))

        def _parse_ai_specialty_suggestion(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ai_specialty_suggestion = _parse_ai_specialty_suggestion(d.pop("ai_specialty_suggestion", UNSET))

        def _parse_appointment_fee(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        appointment_fee = _parse_appointment_fee(d.pop("appointment_fee", UNSET))

        def _parse_approval_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        approval_required = _parse_approval_required(d.pop("approval_required", UNSET))

        def _parse_booking_horizon_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        booking_horizon_days = _parse_booking_horizon_days(d.pop("booking_horizon_days", UNSET))

        def _parse_cancellation_window_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cancellation_window_hours = _parse_cancellation_window_hours(d.pop("cancellation_window_hours", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_inference_concurrency(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        inference_concurrency = _parse_inference_concurrency(d.pop("inference_concurrency", UNSET))

        def _parse_inference_daily_quota(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        inference_daily_quota = _parse_inference_daily_quota(d.pop("inference_daily_quota", UNSET))

        def _parse_min_notice_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_notice_minutes = _parse_min_notice_minutes(d.pop("min_notice_minutes", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_payment_provider(data: object) -> None | PaymentProvider | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payment_provider_type_1 = PaymentProvider(data)

                return payment_provider_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaymentProvider | Unset, data)

        payment_provider = _parse_payment_provider(d.pop("payment_provider", UNSET))

        def _parse_payment_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        payment_required = _parse_payment_required(d.pop("payment_required", UNSET))

        def _parse_payment_window_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payment_window_minutes = _parse_payment_window_minutes(d.pop("payment_window_minutes", UNSET))

        def _parse_refund_window_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        refund_window_hours = _parse_refund_window_hours(d.pop("refund_window_hours", UNSET))

        def _parse_suspended(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        suspended = _parse_suspended(d.pop("suspended", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_totp_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        totp_required = _parse_totp_required(d.pop("totp_required", UNSET))

        hospital_patch = cls(
            ai_assistance=ai_assistance,
            ai_chest_xray=ai_chest_xray,
            ai_sleep_staging=ai_sleep_staging,
            ai_specialty_suggestion=ai_specialty_suggestion,
            appointment_fee=appointment_fee,
            approval_required=approval_required,
            booking_horizon_days=booking_horizon_days,
            cancellation_window_hours=cancellation_window_hours,
            currency=currency,
            inference_concurrency=inference_concurrency,
            inference_daily_quota=inference_daily_quota,
            min_notice_minutes=min_notice_minutes,
            name=name,
            payment_provider=payment_provider,
            payment_required=payment_required,
            payment_window_minutes=payment_window_minutes,
            refund_window_hours=refund_window_hours,
            suspended=suspended,
            timezone=timezone,
            totp_required=totp_required,
        )

        return hospital_patch
