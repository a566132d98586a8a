//! The analytics answers, and the period a request asks for (checked here).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use poem_openapi::Object;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

/// The longest period one request may cover.
pub const MAX_DAYS: i64 = 366;

/// A period of local dates, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// `to` defaults to `today`, `from` to 29 days before `to`; 422 when `from` is after `to`
    /// or the period is longer than 366 days.
    pub fn parse(
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> ApiResult<Self> {
        let to = to.unwrap_or(today);
        let from = from.unwrap_or(to - chrono::Duration::days(29));
        if from > to {
            return Err(ApiError::unprocessable("from must not be after to"));
        }
        if (to - from).num_days() + 1 > MAX_DAYS {
            return Err(ApiError::unprocessable(format!(
                "a period may cover at most {MAX_DAYS} days"
            )));
        }
        Ok(Self { from, to })
    }
}

/// Money in one currency, in minor units.
#[derive(Object, Debug, Clone, Default, PartialEq)]
pub struct Revenue {
    pub currency: String,
    /// Succeeded payments minus refunded ones (a refund requested counts as refunded).
    pub amount: i64,
    /// Every payment that succeeded, refunded later or not.
    pub gross: i64,
    pub refunded: i64,
}

/// One kind of inference job's latency (start to finish of the jobs that succeeded).
#[derive(Object, Debug, Clone, Default, PartialEq)]
pub struct Latency {
    pub kind: String,
    pub jobs: i64,
    pub p50_ms: f64,
    pub p95_ms: f64,
}

/// The figures of a day, or of the whole period.
#[derive(Object, Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Status → count, by the appointment's local start date.
    pub appointments: BTreeMap<String, i64>,
    /// No-shows ÷ (completed + no-shows); null when neither happened.
    #[oai(nullable)]
    pub no_show_rate: Option<f64>,
    pub revenue: Vec<Revenue>,
    /// Minutes booked (confirmed, in progress, completed or missed) ÷ minutes the doctors
    /// published; null when nothing was published.
    #[oai(nullable)]
    pub utilisation: Option<f64>,
    pub booked_minutes: i64,
    pub published_minutes: i64,
    /// From the request to its confirmation, for appointments confirmed.
    #[oai(nullable)]
    pub median_minutes_to_confirm: Option<f64>,
    /// Appointments whose video call started.
    pub calls: i64,
    /// From the call's start to its end, for calls that ended.
    #[oai(nullable)]
    pub mean_call_minutes: Option<f64>,
    pub ratings: i64,
    #[oai(nullable)]
    pub mean_rating: Option<f64>,
    /// Kind → status → count, by the job's local creation date.
    pub inference_jobs: BTreeMap<String, BTreeMap<String, i64>>,
    pub inference_latency: Vec<Latency>,
    /// The share of reviewed sleep-staging epochs whose stage a doctor left as the model gave
    /// it (reviewed: jobs with at least one correction); null when none was reviewed.
    #[oai(nullable)]
    pub model_agreement: Option<f64>,
    pub reviewed_epochs: i64,
}

/// One day's figures.
#[derive(Object, Debug, Clone, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    #[oai(flatten)]
    pub figures: Figures,
}

/// A hospital's figures over a period, in its time zone.
#[derive(Object, Debug, Clone)]
pub struct HospitalAnalytics {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub timezone: String,
    pub totals: Figures,
    /// Every date of the period, oldest first.
    pub days: Vec<Day>,
}

/// One hospital's figures on the platform: counts and sums, never a patient's data.
#[derive(Object, Debug, Clone)]
pub struct HospitalFigures {
    pub hospital_id: Uuid,
    pub slug: String,
    pub name: String,
    /// Status → count.
    pub appointments: BTreeMap<String, i64>,
    pub revenue: Vec<PlatformRevenue>,
    /// Users with a session seen in the period.
    pub active_users: i64,
}

/// Net revenue in one currency (minor units).
#[derive(Object, Debug, Clone, serde::Deserialize)]
pub struct PlatformRevenue {
    pub currency: String,
    pub amount: i64,
}

/// Every hospital's figures over a period (each in its own time zone).
#[derive(Object, Debug, Clone)]
pub struct PlatformAnalytics {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub hospitals: Vec<HospitalFigures>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_defaults_to_the_last_30_days_and_holds_at_most_366() {
        let today = d("2026-12-03");
        assert_eq!(
            Period::parse(None, None, today).unwrap(),
            Period {
                from: d("2026-11-04"),
                to: today
            }
        );
        assert!(Period::parse(Some(d("2026-12-04")), Some(today), today).is_err());
        assert!(Period::parse(Some(d("2025-12-03")), Some(today), today).is_ok());
        assert!(Period::parse(Some(d("2025-12-02")), Some(today), today).is_err());
    }
}
