from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_provider import PaymentProvider
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.new_admin import NewAdmin


T = TypeVar("T", bound="NewHospital")


@_attrs_define
class NewHospital:
    """
    Attributes:
        admin (NewAdmin): The hospital's first administrator.
        appointment_fee (int): In minor units (paisa, cents).
        currency (str): ISO 4217 code, e.g. `NPR`.
        name (str):
        payment_provider (PaymentProvider):
        slug (str): Lowercase letters, digits and dashes; used at login and registration.
        timezone (str): IANA time zone, e.g. `Asia/Kathmandu`.
        ai_assistance (bool | None | Unset): AI assistance for doctors (default false).
        approval_required (bool | None | Unset): Appointments wait for a doctor's approval (default true).
        payment_required (bool | None | Unset): Appointments must be paid before they are confirmed (default: provider
            is not `none`).
    """

    admin: NewAdmin
    appointment_fee: int
    currency: str
    name: str
    payment_provider: PaymentProvider
    slug: str
    timezone: str
    ai_assistance: bool | None | Unset = UNSET
    approval_required: bool | None | Unset = UNSET
    payment_required: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        admin = self.admin.to_dict()

        appointment_fee = self.appointment_fee

        currency = self.currency

        name = self.name

        payment_provider = self.payment_provider.value

        slug = self.slug

        timezone = self.timezone

        ai_assistance: bool | None | Unset
        if isinstance(self.ai_assistance, Unset):
            ai_assistance = UNSET
        else:
            ai_assistance = self.ai_assistance

        approval_required: bool | None | Unset
        if isinstance(self.approval_required, Unset):
            approval_required = UNSET
        else:
            approval_required = self.approval_required

        payment_required: bool | None | Unset
        if isinstance(self.payment_required, Unset):
            payment_required = UNSET
        else:
            payment_required = self.payment_required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "admin": admin,
                "appointment_fee": appointment_fee,
                "currency": currency,
                "name": name,
                "payment_provider": payment_provider,
                "slug": slug,
                "timezone": timezone,
            }
        )
        if ai_assistance is not UNSET:
            field_dict["ai_assistance"] = ai_assistance
        if approval_required is not UNSET:
            field_dict["approval_required"] = approval_required
        if payment_required is not UNSET:
            field_dict["payment_required"] = payment_required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_admin import NewAdmin  # noqa: PLC0415

        d = dict(src_dict)
        admin = NewAdmin.from_dict(d.pop("admin"))

        appointment_fee = d.pop("appointment_fee")

        currency = d.pop("currency")

        name = d.pop("name")

        payment_provider = PaymentProvider(d.pop("payment_provider"))

        slug = d.pop("slug")

        timezone = d.pop("timezone")

        def _parse_ai_assistance(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ai_assistance = _parse_ai_assistance(d.pop("ai_assistance", UNSET))

        def _parse_approval_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        approval_required = _parse_approval_required(d.pop("approval_required", UNSET))

        def _parse_payment_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        payment_required = _parse_payment_required(d.pop("payment_required", UNSET))

        new_hospital = cls(
            admin=admin,
            appointment_fee=appointment_fee,
            currency=currency,
            name=name,
            payment_provider=payment_provider,
            slug=slug,
            timezone=timezone,
            ai_assistance=ai_assistance,
            approval_required=approval_required,
            payment_required=payment_required,
        )

        return new_hospital
