//! The payment domain's values: the providers, what a start answers and a payment as its readers
//! see it.

use chrono::{DateTime, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    ids::{AppointmentId, PaymentId},
    money::Money,
};

/// A payment as its appointment's patient, doctor and admins see it.
#[derive(Object, FromQueryResult, Debug)]
pub struct Payment {
    pub payment_id: Uuid,
    pub appointment_id: Uuid,
    /// `khalti` or `stripe`.
    pub provider: String,
    /// `pending`, `succeeded`, `failed`, `expired`, `refunded`, or, once a refund is due,
    /// `refund_pending` (Stripe: the refund is on its way) or `pending_manual` (Khalti: the
    /// hospital refunds by hand, then marks it refunded).
    pub status: String,
    /// Minor units.
    pub amount: i64,
    pub currency: String,
    /// Where to send the patient to pay (while pending).
    #[oai(nullable)]
    pub redirect_url: Option<String>,
    #[oai(nullable)]
    pub expires_at: Option<DateTime<Utc>>,
}

impl Payment {
    /// A payment just started: pending, for `price`, with the provider's link.
    pub fn started(
        id: PaymentId,
        appointment: AppointmentId,
        provider: Provider,
        price: Money,
        redirect_url: String,
        expires_at: DateTime<Utc>,
    ) -> Self {
        Self {
            payment_id: id.uuid(),
            appointment_id: appointment.uuid(),
            provider: provider.as_str().into(),
            status: "pending".into(),
            amount: price.minor,
            currency: price.currency.as_str().into(),
            redirect_url: Some(redirect_url),
            expires_at: Some(expires_at),
        }
    }
}

/// Who takes a hospital's payments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Khalti,
    Stripe,
}

impl Provider {
    /// A hospital's `payment_provider` setting; `None` when it takes no payments (`none`).
    pub fn of_setting(s: &str) -> Option<Self> {
        match s {
            "khalti" => Some(Self::Khalti),
            "stripe" => Some(Self::Stripe),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Khalti => "khalti",
            Self::Stripe => "stripe",
        }
    }
}

/// What starting a payment answers.
pub enum Started {
    /// A new payment, with the provider's link.
    Created(Payment),
    /// The payment already under way, whose link is still valid.
    Existing(Payment),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_are_named_as_hospitals_set_them() {
        for p in [Provider::Khalti, Provider::Stripe] {
            assert_eq!(Provider::of_setting(p.as_str()), Some(p));
        }
        assert_eq!(Provider::of_setting("none"), None);
        assert_eq!(Provider::of_setting("Stripe"), None);
    }

    #[test]
    fn a_started_payment_is_pending_for_its_price() {
        let price = Money::stored(150_000, "NPR").unwrap();
        let at = Utc::now();
        let (id, appointment) = (PaymentId::new(), AppointmentId::new());
        let p = Payment::started(id, appointment, Provider::Khalti, price, "u".into(), at);
        assert_eq!(
            (p.payment_id, p.appointment_id),
            (id.uuid(), appointment.uuid())
        );
        assert_eq!(
            (p.provider.as_str(), p.status.as_str()),
            ("khalti", "pending")
        );
        assert_eq!((p.amount, p.currency.as_str()), (150_000, "NPR"));
        assert_eq!(
            (p.redirect_url.as_deref(), p.expires_at),
            (Some("u"), Some(at))
        );
    }
}
