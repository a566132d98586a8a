//! The vitals domain's values: a set of vital signs as readers see it (with its NEWS2 score),
//! what a request to record one asks for (checked here against what a living patient can show),
//! and the alerts a score that is not low raises.

use chrono::{DateTime, Duration, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    records::vitals::news2::{self, Consciousness, Observations, Spo2Scale},
};

/// A NEWS2 score: the total, its risk band and each parameter's points.
#[derive(Object, Debug, Clone)]
pub struct News2 {
    /// 0 to 20.
    pub score: u8,
    /// `low`, `low_medium` (a single parameter scoring 3), `medium` (5–6) or `high` (7+).
    pub risk: String,
    /// The score rose at each of the patient's last three sets (this one included).
    pub rising: bool,
}

/// A set of vital signs as stored.
#[derive(FromQueryResult, Debug, Clone)]
pub struct VitalsRow {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub recorded_by: Uuid,
    pub measured_at: DateTime<Utc>,
    pub respiratory_rate: i16,
    pub spo2: i16,
    pub spo2_scale: i16,
    pub on_oxygen: bool,
    pub systolic_bp: i16,
    pub heart_rate: i16,
    pub consciousness: String,
    pub temperature_c: f64,
    pub news2_score: i16,
    pub news2_risk: String,
    pub rising: bool,
    pub created_at: DateTime<Utc>,
}

/// A set of vital signs with its NEWS2 score.
#[derive(Object, Debug, Clone)]
pub struct Vitals {
    pub id: Uuid,
    pub patient_id: Uuid,
    /// Who recorded it (the patient, or a member of staff).
    pub recorded_by: Uuid,
    pub measured_at: DateTime<Utc>,
    /// Breaths per minute.
    pub respiratory_rate: u16,
    /// Oxygen saturation, %.
    pub spo2: u16,
    /// 1, or 2 for hypercapnic respiratory failure (target 88–92%).
    pub spo2_scale: u8,
    pub on_oxygen: bool,
    /// mmHg.
    pub systolic_bp: u16,
    /// Beats per minute.
    pub heart_rate: u16,
    /// ACVPU: `A`, `C` (new confusion), `V`, `P` or `U`.
    pub consciousness: String,
    /// °C, one decimal.
    pub temperature_c: f64,
    pub news2: News2,
    pub created_at: DateTime<Utc>,
}

impl From<VitalsRow> for Vitals {
    fn from(r: VitalsRow) -> Self {
        Self {
            id: r.id,
            patient_id: r.patient_id,
            recorded_by: r.recorded_by,
            measured_at: r.measured_at,
            respiratory_rate: r.respiratory_rate as u16,
            spo2: r.spo2 as u16,
            spo2_scale: r.spo2_scale as u8,
            on_oxygen: r.on_oxygen,
            systolic_bp: r.systolic_bp as u16,
            heart_rate: r.heart_rate as u16,
            consciousness: r.consciousness,
            temperature_c: r.temperature_c,
            news2: News2 {
                score: r.news2_score as u8,
                risk: r.news2_risk,
                rising: r.rising,
            },
            created_at: r.created_at,
        }
    }
}

/// A set of vital signs to record, as the request gave it.
#[derive(Debug, Clone)]
pub struct VitalsRequest {
    pub respiratory_rate: u32,
    pub spo2: u32,
    pub spo2_scale: u32,
    pub on_oxygen: bool,
    pub systolic_bp: u32,
    pub heart_rate: u32,
    pub consciousness: String,
    pub temperature_c: f64,
    pub measured_at: Option<DateTime<Utc>>,
}

/// A request that passed its checks: what NEWS2 reads, and when.
#[derive(Debug, Clone, Copy)]
pub struct CheckedVitals {
    pub observations: Observations,
    pub measured_at: DateTime<Utc>,
}

fn within(field: &str, v: u32, lo: u32, hi: u32) -> ApiResult<u16> {
    if (lo..=hi).contains(&v) {
        Ok(v as u16)
    } else {
        Err(ApiError::unprocessable(format!(
            "{field} must be between {lo} and {hi}"
        )))
    }
}

/// How far back a set may be recorded after it was measured.
pub const MAX_BACKDATE_DAYS: i64 = 30;

impl VitalsRequest {
    /// 422 for a value no living patient shows (or a meter cannot read), an unknown scale or
    /// ACVPU letter, or a measurement time in the future or more than 30 days back.
    pub fn checked(&self, now: DateTime<Utc>) -> ApiResult<CheckedVitals> {
        let scale = match self.spo2_scale {
            1 => Spo2Scale::One,
            2 => Spo2Scale::Two,
            _ => return Err(ApiError::unprocessable("spo2_scale must be 1 or 2")),
        };
        let consciousness = match self.consciousness.as_str() {
            "A" => Consciousness::Alert,
            "C" => Consciousness::Confusion,
            "V" => Consciousness::Voice,
            "P" => Consciousness::Pain,
            "U" => Consciousness::Unresponsive,
            _ => {
                return Err(ApiError::unprocessable(
                    "consciousness must be one of A, C, V, P, U",
                ));
            }
        };
        if !self.temperature_c.is_finite() || !(30.0..=45.0).contains(&self.temperature_c) {
            return Err(ApiError::unprocessable(
                "temperature_c must be between 30.0 and 45.0",
            ));
        }
        let measured_at = self.measured_at.unwrap_or(now);
        if measured_at > now + Duration::minutes(5) {
            return Err(ApiError::unprocessable("measured_at is in the future"));
        }
        if measured_at < now - Duration::days(MAX_BACKDATE_DAYS) {
            return Err(ApiError::unprocessable(format!(
                "measured_at must be within the last {MAX_BACKDATE_DAYS} days"
            )));
        }
        Ok(CheckedVitals {
            observations: Observations {
                respiratory_rate: within("respiratory_rate", self.respiratory_rate, 1, 80)?,
                spo2: within("spo2", self.spo2, 50, 100)?,
                scale,
                on_oxygen: self.on_oxygen,
                systolic_bp: within("systolic_bp", self.systolic_bp, 40, 300)?,
                heart_rate: within("heart_rate", self.heart_rate, 20, 250)?,
                consciousness,
                temperature_tenths: (self.temperature_c * 10.0).round() as i16,
            },
            measured_at,
        })
    }
}

impl CheckedVitals {
    pub fn score(&self) -> news2::Score {
        news2::score(&self.observations)
    }

    pub fn consciousness_letter(&self) -> &'static str {
        match self.observations.consciousness {
            Consciousness::Alert => "A",
            Consciousness::Confusion => "C",
            Consciousness::Voice => "V",
            Consciousness::Pain => "P",
            Consciousness::Unresponsive => "U",
        }
    }
}

/// A deterioration alert: a vitals set whose NEWS2 risk is not low, for the care team.
#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Alert {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub patient_name: String,
    pub vitals_id: Uuid,
    pub measured_at: DateTime<Utc>,
    pub news2_score: i16,
    /// `low_medium`, `medium` or `high`.
    pub news2_risk: String,
    /// The score rose at each of the patient's last three sets.
    pub rising: bool,
    pub created_at: DateTime<Utc>,
    #[oai(nullable)]
    pub acknowledged_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub acknowledged_by: Option<Uuid>,
}

/// Someone the care team's alert goes to.
#[derive(FromQueryResult, Debug, Clone)]
pub struct AlertRecipient {
    pub user_id: Uuid,
    pub email: String,
    pub language: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req() -> VitalsRequest {
        VitalsRequest {
            respiratory_rate: 16,
            spo2: 97,
            spo2_scale: 1,
            on_oxygen: false,
            systolic_bp: 120,
            heart_rate: 70,
            consciousness: "A".into(),
            temperature_c: 37.0,
            measured_at: None,
        }
    }

    #[test]
    fn a_normal_set_passes_and_scores_0() {
        let now = Utc::now();
        let c = req().checked(now).unwrap();
        assert_eq!(c.measured_at, now);
        assert_eq!(c.score().total, 0);
        assert_eq!(c.observations.temperature_tenths, 370);
    }

    #[test]
    fn impossible_values_are_refused() {
        let now = Utc::now();
        type Change = Box<dyn Fn(&mut VitalsRequest)>;
        let cases: Vec<Change> = vec![
            Box::new(|r| r.respiratory_rate = 0),
            Box::new(|r| r.respiratory_rate = 81),
            Box::new(|r| r.spo2 = 49),
            Box::new(|r| r.spo2 = 101),
            Box::new(|r| r.spo2_scale = 3),
            Box::new(|r| r.systolic_bp = 39),
            Box::new(|r| r.systolic_bp = 301),
            Box::new(|r| r.heart_rate = 19),
            Box::new(|r| r.heart_rate = 251),
            Box::new(|r| r.consciousness = "X".into()),
            Box::new(|r| r.consciousness = "a".into()),
            Box::new(|r| r.temperature_c = 29.9),
            Box::new(|r| r.temperature_c = 45.1),
            Box::new(|r| r.temperature_c = f64::NAN),
            Box::new(|r| r.measured_at = Some(Utc::now() + Duration::hours(1))),
            Box::new(|r| r.measured_at = Some(Utc::now() - Duration::days(31))),
        ];
        for (i, change) in cases.iter().enumerate() {
            let mut r = req();
            change(&mut r);
            assert!(r.checked(now).is_err(), "case {i} passed: {r:?}");
        }
    }

    #[test]
    fn temperatures_round_to_the_charts_tenths() {
        let mut r = req();
        r.temperature_c = 38.04;
        assert_eq!(
            r.checked(Utc::now())
                .unwrap()
                .observations
                .temperature_tenths,
            380
        );
        r.temperature_c = 38.06;
        assert_eq!(
            r.checked(Utc::now())
                .unwrap()
                .observations
                .temperature_tenths,
            381
        );
    }
}
