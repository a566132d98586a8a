from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Hospital")


@_attrs_define
class Hospital:
    """
    Attributes:
        ai_assistance (bool):
        ai_chest_xray (bool):
        ai_sleep_staging (bool):
        ai_specialty_suggestion (bool):
        appointment_fee (int):
        approval_required (bool):
        booking_horizon_days (int):
        cancellation_window_hours (int):
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        inference_concurrency (int):
        inference_daily_quota (int):
        min_notice_minutes (int):
        name (str):
        payment_provider (str):
        payment_required (bool):
        payment_window_minutes (int): How long an approved appointment holds its time while it awaits payment.
        refund_window_hours (int): A paid appointment cancelled at least this many hours before it is refunded.
        slug (str):
        suspended (bool):
        timezone (str):
        totp_required (bool):
        updated_at (datetime.datetime):
    """

    ai_assistance: bool
    ai_chest_xray: bool
    ai_sleep_staging: bool
    ai_specialty_suggestion: bool
    appointment_fee: int
    approval_required: bool
    booking_horizon_days: int
    cancellation_window_hours: int
    created_at: datetime.datetime
    currency: str
    id: UUID
    inference_concurrency: int
    inference_daily_quota: int
    min_notice_minutes: int
    name: str
    payment_provider: str
    payment_required: bool
    payment_window_minutes: int
    refund_window_hours: int
    slug: str
    suspended: bool
    timezone: str
    totp_required: bool
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ai_assistance = self.ai_assistance

        ai_chest_xray = self.ai_chest_xray

        ai_sleep_staging = self.ai_sleep_staging

        ai_specialty_suggestion = self.ai_specialty_suggestion

        appointment_fee = self.appointment_fee

        approval_required = self.approval_required

        booking_horizon_days = self.booking_horizon_days

        cancellation_window_hours = self.cancellation_window_hours

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        inference_concurrency = self.inference_concurrency

        inference_daily_quota = self.inference_daily_quota

        min_notice_minutes = self.min_notice_minutes

        name = self.name

        payment_provider = self.payment_provider

        payment_required = self.payment_required

        payment_window_minutes = self.payment_window_minutes

        refund_window_hours = self.refund_window_hours

        slug = self.slug

        suspended = self.suspended

        timezone = self.timezone

        totp_required = self.totp_required

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ai_assistance": ai_assistance,
                "ai_chest_xray": ai_chest_xray,
                "ai_sleep_staging": ai_sleep_staging,
                "ai_specialty_suggestion": ai_specialty_suggestion,
                "appointment_fee": appointment_fee,
                "approval_required": approval_required,
                "booking_horizon_days": booking_horizon_days,
                "cancellation_window_hours": cancellation_window_hours,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "inference_concurrency": inference_concurrency,
                "inference_daily_quota": inference_daily_quota,
                "min_notice_minutes": min_notice_minutes,
                "name": name,
                "payment_provider": payment_provider,
                "payment_required": payment_required,
                "payment_window_minutes": payment_window_minutes,
                "refund_window_hours": refund_window_hours,
                "slug": slug,
                "suspended": suspended,
                "timezone": timezone,
                "totp_required": totp_required,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ai_assistance = d.pop("ai_assistance")

        ai_chest_xray = d.pop("ai_chest_xray")

        ai_sleep_staging = d.pop("ai_sleep_staging")

        ai_specialty_suggestion = d.pop("ai_specialty_suggestion")

        appointment_fee = d.pop("appointment_fee")

        approval_required = d.pop("approval_required")

        booking_horizon_days = d.pop("booking_horizon_days")

        cancellation_window_hours = d.pop("cancellation_window_hours")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        inference_concurrency = d.pop("inference_concurrency")

        inference_daily_quota = d.pop("inference_daily_quota")

        min_notice_minutes = d.pop("min_notice_minutes")

        name = d.pop("name")

        payment_provider = d.pop("payment_provider")

        payment_required = d.pop("payment_required")

        payment_window_minutes = d.pop("payment_window_minutes")

        refund_window_hours = d.pop("refund_window_hours")

        slug = d.pop("slug")

        suspended = d.pop("suspended")

        timezone = d.pop("timezone")

        totp_required = d.pop("totp_required")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        hospital = cls(
            ai_assistance=ai_assistance,
            ai_chest_xray=ai_chest_xray,
            ai_sleep_staging=ai_sleep_staging,
            ai_specialty_suggestion=ai_specialty_suggestion,
            appointment_fee=appointment_fee,
            approval_required=approval_required,
            booking_horizon_days=booking_horizon_days,
            cancellation_window_hours=cancellation_window_hours,
            created_at=created_at,
            currency=currency,
            id=id,
            inference_concurrency=inference_concurrency,
            inference_daily_quota=inference_daily_quota,
            min_notice_minutes=min_notice_minutes,
            name=name,
            payment_provider=payment_provider,
            payment_required=payment_required,
            payment_window_minutes=payment_window_minutes,
            refund_window_hours=refund_window_hours,
            slug=slug,
            suspended=suspended,
            timezone=timezone,
            totp_required=totp_required,
            updated_at=updated_at,
        )

        hospital.additional_properties = d
        return hospital

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
