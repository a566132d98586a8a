//! E-prescriptions: written by a doctor of the patient's care team, read by the patient and
//! their doctors, dispensed by the hospital's pharmacists; printable as a PDF whose
//! verification code anyone can check without seeing patient data.

pub mod api;
pub mod pdf;

use poem_openapi::Object;
use rand_core::{OsRng, RngCore};
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

/// One medication line.
#[derive(Object, Debug, Clone, serde::Serialize, serde::Deserialize)]
#[oai(deny_unknown_fields)]
pub struct Item {
    pub medication: String,
    /// e.g. `500 mg`.
    pub dose: String,
    /// e.g. `oral`.
    pub route: String,
    /// e.g. `twice daily`.
    pub frequency: String,
    pub duration_days: i32,
    pub quantity: i32,
    pub refills: i32,
    #[oai(default)]
    #[serde(default)]
    pub instructions: String,
}

impl Item {
    /// Trimmed, within limits; otherwise 422 naming the item and field.
    pub fn parse(self, n: usize) -> ApiResult<Self> {
        let field = |name: &str, v: &str, max: usize| -> ApiResult<String> {
            let t = v.trim();
            if t.is_empty() || t.chars().count() > max {
                return Err(ApiError::unprocessable(format!(
                    "items[{n}].{name} must have 1 to {max} characters"
                )));
            }
            Ok(t.to_string())
        };
        let range = |name: &str, v: i32, lo: i32, hi: i32| -> ApiResult<i32> {
            if (lo..=hi).contains(&v) {
                Ok(v)
            } else {
                Err(ApiError::unprocessable(format!(
                    "items[{n}].{name} must be between {lo} and {hi}"
                )))
            }
        };
        if self.instructions.chars().count() > 1000 {
            return Err(ApiError::unprocessable(format!(
                "items[{n}].instructions must have at most 1000 characters"
            )));
        }
        Ok(Self {
            medication: field("medication", &self.medication, 200)?,
            dose: field("dose", &self.dose, 100)?,
            route: field("route", &self.route, 50)?,
            frequency: field("frequency", &self.frequency, 100)?,
            duration_days: range("duration_days", self.duration_days, 1, 365)?,
            quantity: range("quantity", self.quantity, 1, 10_000)?,
            refills: range("refills", self.refills, 0, 12)?,
            instructions: self.instructions.trim().to_string(),
        })
    }
}

/// A prescription as its readers see it.
#[derive(Object, Debug, Clone)]
pub struct Prescription {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub doctor_id: Uuid,
    #[oai(nullable)]
    pub appointment_id: Option<Uuid>,
    pub items: Vec<Item>,
    /// `active`, `dispensed` or `cancelled`.
    pub status: String,
    /// Printed on the PDF; checked at `GET /api/v1/prescription-verifications/{code}`.
    pub verification_code: String,
    pub issued_at: chrono::DateTime<chrono::Utc>,
    #[oai(nullable)]
    pub dispensed_at: Option<chrono::DateTime<chrono::Utc>>,
    #[oai(nullable)]
    pub cancelled_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(FromQueryResult)]
pub struct Row {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub doctor_id: Uuid,
    pub appointment_id: Option<Uuid>,
    pub items: serde_json::Value,
    pub status: String,
    pub verification_code: String,
    pub issued_at: chrono::DateTime<chrono::Utc>,
    pub dispensed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub cancelled_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub const SELECT: &str = "select p.id, p.patient_id, p.doctor_id, p.appointment_id, p.items, \
    p.status, p.verification_code, p.issued_at, p.dispensed_at, p.cancelled_at from prescription p";

impl TryFrom<Row> for Prescription {
    type Error = ApiError;
    fn try_from(r: Row) -> ApiResult<Self> {
        let items: Vec<Item> = serde_json::from_value(r.items)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("prescription items: {e}")))?;
        Ok(Self {
            id: r.id,
            patient_id: r.patient_id,
            doctor_id: r.doctor_id,
            appointment_id: r.appointment_id,
            items,
            status: r.status,
            verification_code: r.verification_code,
            issued_at: r.issued_at,
            dispensed_at: r.dispensed_at,
            cancelled_at: r.cancelled_at,
        })
    }
}

/// 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), grouped by four:
/// about 58 bits, so codes cannot be guessed or enumerated.
pub fn verification_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ23456789";
    let mut raw = [0u8; 12];
    OsRng.fill_bytes(&mut raw);
    let chars: Vec<char> = raw
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Codes are read off paper: accept lower case and missing dashes.
pub fn normalize_code(input: &str) -> Option<String> {
    let raw: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if raw.len() != 12 {
        return None;
    }
    Some(format!("{}-{}-{}", &raw[..4], &raw[4..8], &raw[8..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_three_groups_of_four_and_normalize_from_sloppy_input() {
        let c = verification_code();
        assert_eq!(c.len(), 14);
        assert_eq!(
            normalize_code(&c.to_lowercase().replace('-', "")),
            Some(c.clone())
        );
        assert_ne!(verification_code(), c);
        assert_eq!(normalize_code("ABC"), None);
    }
}
