//! The hospital domain's values: the onboarding and settings requests (checked here), the
//! payment provider and what readers are answered.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use poem_openapi::{Enum, Object};
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    tenancy::users::Account,
};

#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[oai(rename_all = "lowercase")]
pub enum PaymentProvider {
    Khalti,
    Stripe,
    None,
}

impl PaymentProvider {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Khalti => "khalti",
            Self::Stripe => "stripe",
            Self::None => "none",
        }
    }

    /// The provider a stored hospital row names (anything unknown counts as `none`).
    pub fn stored(s: &str) -> Self {
        match s {
            "khalti" => Self::Khalti,
            "stripe" => Self::Stripe,
            _ => Self::None,
        }
    }
}

/// The hospital's first administrator.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewAdmin {
    pub email: String,
    pub full_name: String,
    #[oai(write_only)]
    pub password: String,
}

impl NewAdmin {
    /// The account's fields, checked later with no transaction open.
    pub fn account(self) -> Account {
        Account {
            email: self.email,
            full_name: self.full_name,
            password: self.password,
        }
    }
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewHospital {
    pub name: String,
    /// Lowercase letters, digits and dashes; used at login and registration.
    pub slug: String,
    /// IANA time zone, e.g. `Asia/Kathmandu`.
    pub timezone: String,
    /// ISO 4217 code, e.g. `NPR`.
    pub currency: String,
    /// In minor units (paisa, cents).
    pub appointment_fee: i64,
    pub payment_provider: PaymentProvider,
    pub admin: NewAdmin,
    /// Appointments wait for a doctor's approval (default true).
    #[oai(nullable)]
    pub approval_required: Option<bool>,
    /// Appointments must be paid before they are confirmed (default: provider is not `none`).
    #[oai(nullable)]
    pub payment_required: Option<bool>,
    /// AI assistance for doctors (default false).
    #[oai(nullable)]
    pub ai_assistance: Option<bool>,
}

/// Changes to a hospital; absent fields stay as they are. `suspended` is the super admin's.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct HospitalPatch {
    #[oai(nullable)]
    pub name: Option<String>,
    #[oai(nullable)]
    pub timezone: Option<String>,
    #[oai(nullable)]
    pub currency: Option<String>,
    #[oai(nullable)]
    pub appointment_fee: Option<i64>,
    #[oai(nullable)]
    pub payment_provider: Option<PaymentProvider>,
    #[oai(nullable)]
    pub approval_required: Option<bool>,
    #[oai(nullable)]
    pub payment_required: Option<bool>,
    #[oai(nullable)]
    pub ai_assistance: Option<bool>,
    /// true ends every session of the hospital and blocks its logins; false lifts it.
    #[oai(nullable)]
    pub suspended: Option<bool>,
    /// How far ahead patients may book (1 to 365 days).
    #[oai(nullable)]
    pub booking_horizon_days: Option<i32>,
    /// How soon a slot may be booked (0 to 10080 minutes ahead).
    #[oai(nullable)]
    pub min_notice_minutes: Option<i32>,
    /// Patients may cancel a confirmed appointment until this many hours before it (0 to 720).
    #[oai(nullable)]
    pub cancellation_window_hours: Option<i32>,
    /// A paid appointment cancelled at least this many hours before it is refunded (0 to 720).
    #[oai(nullable)]
    pub refund_window_hours: Option<i32>,
    /// How long an approved appointment holds its time while it awaits payment (5 to 1440
    /// minutes).
    #[oai(nullable)]
    pub payment_window_minutes: Option<i32>,
    /// AI sleep staging (when `ai_assistance` is on).
    #[oai(nullable)]
    pub ai_sleep_staging: Option<bool>,
    /// AI chest X-ray triage (when `ai_assistance` is on).
    #[oai(nullable)]
    pub ai_chest_xray: Option<bool>,
    /// AI specialty suggestions from a patient's reason for a visit (when `ai_assistance` is
    /// on).
    #[oai(nullable)]
    pub ai_specialty_suggestion: Option<bool>,
    /// AI jobs the hospital may queue per day (0 to 100000).
    #[oai(nullable)]
    pub inference_daily_quota: Option<i32>,
    /// AI jobs of this hospital that may run at once (1 to 64).
    #[oai(nullable)]
    pub inference_concurrency: Option<i32>,
    /// Two-factor sign-in is mandatory for staff (every member but patients): one without it
    /// is sent to enrolment after the password step, from their next sign-in.
    #[oai(nullable)]
    pub totp_required: Option<bool>,
}

#[derive(Object, FromQueryResult)]
pub struct Hospital {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub timezone: String,
    pub currency: String,
    pub appointment_fee: i64,
    pub payment_provider: String,
    pub suspended: bool,
    pub approval_required: bool,
    pub payment_required: bool,
    pub ai_assistance: bool,
    pub booking_horizon_days: i32,
    pub min_notice_minutes: i32,
    pub cancellation_window_hours: i32,
    /// A paid appointment cancelled at least this many hours before it is refunded.
    pub refund_window_hours: i32,
    /// How long an approved appointment holds its time while it awaits payment.
    pub payment_window_minutes: i32,
    pub ai_sleep_staging: bool,
    pub ai_chest_xray: bool,
    pub ai_specialty_suggestion: bool,
    pub inference_daily_quota: i32,
    pub inference_concurrency: i32,
    pub totp_required: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Object)]
pub struct CreatedHospital {
    #[oai(flatten)]
    pub hospital: Hospital,
    pub admin_user_id: Uuid,
}

pub(crate) fn check_timezone(tz: &str) -> ApiResult<String> {
    chrono_tz::Tz::from_str(tz.trim())
        .map(|_| tz.trim().to_string())
        .map_err(|_| {
            ApiError::unprocessable("timezone must be an IANA zone such as Asia/Kathmandu")
        })
}

pub(crate) fn check_currency(c: &str) -> ApiResult<String> {
    let c = c.trim().to_uppercase();
    if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) {
        Ok(c)
    } else {
        Err(ApiError::unprocessable(
            "currency must be an ISO 4217 code such as NPR or USD",
        ))
    }
}

pub(crate) fn check_fee(fee: i64) -> ApiResult<i64> {
    if (0..=10_000_000_000).contains(&fee) {
        Ok(fee)
    } else {
        Err(ApiError::unprocessable(
            "appointment_fee must be a non-negative amount in minor units",
        ))
    }
}

pub(crate) fn check_provider(p: PaymentProvider, currency: &str) -> ApiResult<()> {
    if p == PaymentProvider::Khalti && currency != "NPR" {
        return Err(ApiError::unprocessable("Khalti takes payments in NPR only"));
    }
    Ok(())
}

fn range(field: &str, v: Option<i32>, lo: i32, hi: i32) -> ApiResult<Option<i32>> {
    match v {
        Some(x) if !(lo..=hi).contains(&x) => Err(ApiError::unprocessable(format!(
            "{field} must be between {lo} and {hi}"
        ))),
        other => Ok(other),
    }
}

pub(crate) fn check_name(n: &str) -> ApiResult<String> {
    let n = n.trim();
    if n.is_empty() || n.chars().count() > 200 {
        return Err(ApiError::unprocessable(
            "name must have 1 to 200 characters",
        ));
    }
    Ok(n.to_string())
}

pub(crate) fn check_slug(s: &str) -> ApiResult<String> {
    let s = s.trim().to_lowercase();
    let ok = (2..=63).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-');
    if ok {
        Ok(s)
    } else {
        Err(ApiError::unprocessable(
            "slug must be 2 to 63 lowercase letters, digits or dashes",
        ))
    }
}

/// A hospital to onboard, checked (its administrator's account is checked later, with no
/// transaction open).
pub struct Onboarding {
    pub name: String,
    pub slug: String,
    pub timezone: String,
    pub currency: String,
    pub appointment_fee: i64,
    pub payment_provider: PaymentProvider,
    pub approval_required: bool,
    pub payment_required: bool,
    pub ai_assistance: bool,
}

impl Onboarding {
    /// 422 for the first invalid field, in the order currency, provider (Khalti wants NPR), name,
    /// slug, time zone, fee; the defaults applied.
    pub fn parse(b: &NewHospital) -> ApiResult<Self> {
        let currency = check_currency(&b.currency)?;
        check_provider(b.payment_provider, &currency)?;
        let (name, slug, timezone, appointment_fee) = (
            check_name(&b.name)?,
            check_slug(&b.slug)?,
            check_timezone(&b.timezone)?,
            check_fee(b.appointment_fee)?,
        );
        Ok(Self {
            name,
            slug,
            timezone,
            currency,
            appointment_fee,
            payment_provider: b.payment_provider,
            approval_required: b.approval_required.unwrap_or(true),
            payment_required: b
                .payment_required
                .unwrap_or(b.payment_provider != PaymentProvider::None),
            ai_assistance: b.ai_assistance.unwrap_or(false),
        })
    }
}

/// A settings patch, checked against the hospital it changes; None leaves a setting as it is.
/// (Suspension travels apart, with its own permit.)
pub struct Settings {
    pub name: Option<String>,
    pub timezone: Option<String>,
    pub currency: Option<String>,
    pub appointment_fee: Option<i64>,
    pub payment_provider: Option<PaymentProvider>,
    pub approval_required: Option<bool>,
    pub payment_required: Option<bool>,
    pub ai_assistance: Option<bool>,
    pub booking_horizon_days: Option<i32>,
    pub min_notice_minutes: Option<i32>,
    pub cancellation_window_hours: Option<i32>,
    pub refund_window_hours: Option<i32>,
    pub payment_window_minutes: Option<i32>,
    pub ai_sleep_staging: Option<bool>,
    pub ai_chest_xray: Option<bool>,
    pub ai_specialty_suggestion: Option<bool>,
    pub inference_daily_quota: Option<i32>,
    pub inference_concurrency: Option<i32>,
    pub totp_required: Option<bool>,
}

impl Settings {
    /// 422 for the first invalid value: the currency, then the provider with the currency the
    /// hospital will have (Khalti wants NPR), then name, time zone, fee and the ranges.
    pub fn parse(p: &HospitalPatch, current: &Hospital) -> ApiResult<Self> {
        let currency = p.currency.as_deref().map(check_currency).transpose()?;
        check_provider(
            p.payment_provider
                .unwrap_or(PaymentProvider::stored(&current.payment_provider)),
            currency.as_deref().unwrap_or(&current.currency),
        )?;
        Ok(Self {
            name: p.name.as_deref().map(check_name).transpose()?,
            timezone: p.timezone.as_deref().map(check_timezone).transpose()?,
            currency,
            appointment_fee: p.appointment_fee.map(check_fee).transpose()?,
            payment_provider: p.payment_provider,
            approval_required: p.approval_required,
            payment_required: p.payment_required,
            ai_assistance: p.ai_assistance,
            booking_horizon_days: range("booking_horizon_days", p.booking_horizon_days, 1, 365)?,
            min_notice_minutes: range("min_notice_minutes", p.min_notice_minutes, 0, 10080)?,
            cancellation_window_hours: range(
                "cancellation_window_hours",
                p.cancellation_window_hours,
                0,
                720,
            )?,
            refund_window_hours: range("refund_window_hours", p.refund_window_hours, 0, 720)?,
            payment_window_minutes: range(
                "payment_window_minutes",
                p.payment_window_minutes,
                5,
                1440,
            )?,
            ai_sleep_staging: p.ai_sleep_staging,
            ai_chest_xray: p.ai_chest_xray,
            ai_specialty_suggestion: p.ai_specialty_suggestion,
            totp_required: p.totp_required,
            inference_daily_quota: range(
                "inference_daily_quota",
                p.inference_daily_quota,
                0,
                100_000,
            )?,
            inference_concurrency: range("inference_concurrency", p.inference_concurrency, 1, 64)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hospital(provider: &str, currency: &str) -> Hospital {
        Hospital {
            id: Uuid::now_v7(),
            slug: "h".into(),
            name: "H".into(),
            timezone: "UTC".into(),
            currency: currency.into(),
            appointment_fee: 0,
            payment_provider: provider.into(),
            suspended: false,
            approval_required: true,
            payment_required: true,
            ai_assistance: false,
            booking_horizon_days: 30,
            min_notice_minutes: 0,
            cancellation_window_hours: 24,
            refund_window_hours: 24,
            payment_window_minutes: 30,
            ai_sleep_staging: false,
            ai_chest_xray: false,
            ai_specialty_suggestion: false,
            inference_daily_quota: 0,
            inference_concurrency: 1,
            totp_required: false,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn patch() -> HospitalPatch {
        HospitalPatch {
            name: None,
            timezone: None,
            currency: None,
            appointment_fee: None,
            payment_provider: None,
            approval_required: None,
            payment_required: None,
            ai_assistance: None,
            suspended: None,
            booking_horizon_days: None,
            min_notice_minutes: None,
            cancellation_window_hours: None,
            refund_window_hours: None,
            payment_window_minutes: None,
            ai_sleep_staging: None,
            ai_chest_xray: None,
            ai_specialty_suggestion: None,
            inference_daily_quota: None,
            inference_concurrency: None,
            totp_required: None,
        }
    }

    #[test]
    fn providers_read_back_from_their_stored_names() {
        for p in [
            PaymentProvider::Khalti,
            PaymentProvider::Stripe,
            PaymentProvider::None,
        ] {
            assert_eq!(PaymentProvider::stored(p.as_str()), p);
        }
        assert_eq!(PaymentProvider::stored("paypal"), PaymentProvider::None);
    }

    #[test]
    fn fields_are_trimmed_and_bounded() {
        assert_eq!(check_currency(" npr ").unwrap(), "NPR");
        assert!(check_currency("NP1").is_err());
        assert_eq!(check_slug(" City-Care ").unwrap(), "city-care");
        assert!(check_slug("-x").is_err());
        assert!(check_timezone("Mars/Olympus").is_err());
        assert!(check_fee(-1).is_err());
        assert!(check_name("  ").is_err());
    }

    #[test]
    fn a_settings_patch_checks_khalti_against_the_currency_the_hospital_will_have() {
        let khalti = hospital("khalti", "NPR");
        let usd = HospitalPatch {
            currency: Some("usd".into()),
            ..patch()
        };
        assert!(Settings::parse(&usd, &khalti).is_err());
        let stripe = HospitalPatch {
            payment_provider: Some(PaymentProvider::Stripe),
            ..usd
        };
        assert_eq!(
            Settings::parse(&stripe, &khalti)
                .unwrap()
                .currency
                .as_deref(),
            Some("USD")
        );
        let far = HospitalPatch {
            booking_horizon_days: Some(366),
            ..patch()
        };
        assert!(Settings::parse(&far, &khalti).is_err());
    }
}
