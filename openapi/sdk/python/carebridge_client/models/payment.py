from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """A payment as its appointment's patient, doctor and admins see it.

    Attributes:
        amount (int): Minor units.
        appointment_id (UUID):
        currency (str):
        expires_at (datetime.datetime | None):
        payment_id (UUID):
        provider (str): `khalti` or `stripe`.
        redirect_url (None | str): Where to send the patient to pay (while pending).
        status (str): `pending`, `succeeded`, `failed`, `expired`, `refunded`, or, once a refund is due,
            `refund_pending` (Stripe: the refund is on its way) or `pending_manual` (Khalti: the
            hospital refunds by hand, then marks it refunded).
    """

    amount: int
    appointment_id: UUID
    currency: str
    expires_at: datetime.datetime | None
    payment_id: UUID
    provider: str
    redirect_url: None | str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        appointment_id = str(self.appointment_id)

        currency = self.currency

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        payment_id = str(self.payment_id)

        provider = self.provider

        redirect_url: None | str
        redirect_url = self.redirect_url

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "appointment_id": appointment_id,
                "currency": currency,
                "expires_at": expires_at,
                "payment_id": payment_id,
                "provider": provider,
                "redirect_url": redirect_url,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        appointment_id = UUID(d.pop("appointment_id"))

        currency = d.pop("currency")

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        payment_id = UUID(d.pop("payment_id"))

        provider = d.pop("provider")

        def _parse_redirect_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        redirect_url = _parse_redirect_url(d.pop("redirect_url"))

        status = d.pop("status")

        payment = cls(
            amount=amount,
            appointment_id=appointment_id,
            currency=currency,
            expires_at=expires_at,
            payment_id=payment_id,
            provider=provider,
            redirect_url=redirect_url,
            status=status,
        )

        payment.additional_properties = d
        return payment

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
