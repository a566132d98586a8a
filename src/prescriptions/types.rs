//! The prescription domain's values: what a request may ask for (parsed and bounded here) and
//! what readers are answered.

use poem_openapi::Object;
use rand_core::{OsRng, RngCore};
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    ids::{AppointmentId, PatientId},
};

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

/// What anyone holding the paper can learn: whether it is genuine and still valid. No patient data.
#[derive(Object, FromQueryResult)]
pub struct Verification {
    /// `active`, `dispensed` or `cancelled`.
    pub status: String,
    pub issued_at: chrono::DateTime<chrono::Utc>,
    pub hospital_name: String,
    pub prescriber: String,
    pub license_number: String,
    pub item_count: i32,
}

/// The language of a printed prescription's labels (`?lang=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ne,
}

impl Lang {
    /// English when absent; 422 for anything but `en` or `ne`.
    pub fn parse(s: Option<&str>) -> ApiResult<Self> {
        match s {
            None | Some("en") => Ok(Self::En),
            Some("ne") => Ok(Self::Ne),
            Some(_) => Err(ApiError::unprocessable("lang must be en or ne")),
        }
    }
}

/// Where a prescription is in its life: issued `active`, then `dispensed` or `cancelled`, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Active,
    Dispensed,
    Cancelled,
}

impl Status {
    /// 422 for anything but the three names.
    pub fn parse(s: &str) -> ApiResult<Self> {
        match s {
            "active" => Ok(Self::Active),
            "dispensed" => Ok(Self::Dispensed),
            "cancelled" => Ok(Self::Cancelled),
            _ => Err(ApiError::unprocessable(
                "status must be active, dispensed or cancelled",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Dispensed => "dispensed",
            Self::Cancelled => "cancelled",
        }
    }
}

/// A prescription to issue, checked: 1 to 30 items, each within its bounds.
pub struct Issue {
    pub patient: PatientId,
    pub appointment: Option<AppointmentId>,
    pub items: Vec<Item>,
}

impl Issue {
    pub fn parse(
        patient: PatientId,
        appointment: Option<AppointmentId>,
        items: Vec<Item>,
    ) -> ApiResult<Self> {
        if items.is_empty() || items.len() > 30 {
            return Err(ApiError::unprocessable(
                "items must hold 1 to 30 medications",
            ));
        }
        let items = items
            .into_iter()
            .enumerate()
            .map(|(n, i)| i.parse(n))
            .collect::<ApiResult<Vec<_>>>()?;
        Ok(Self {
            patient,
            appointment,
            items,
        })
    }
}

/// Which prescriptions a listing asks for.
pub struct Filter {
    pub patient: Option<PatientId>,
    pub status: Option<Status>,
    /// A verification code, normalised (`ABCD-EFGH-JKMN`).
    pub code: Option<String>,
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
    fn statuses_parse_from_their_names_only() {
        for s in [Status::Active, Status::Dispensed, Status::Cancelled] {
            assert_eq!(Status::parse(s.as_str()).unwrap(), s);
        }
        assert!(Status::parse("Active").is_err());
    }

    #[test]
    fn the_print_language_is_english_nepali_or_refused() {
        assert_eq!(Lang::parse(None).unwrap(), Lang::En);
        assert_eq!(Lang::parse(Some("en")).unwrap(), Lang::En);
        assert_eq!(Lang::parse(Some("ne")).unwrap(), Lang::Ne);
        for bad in ["xx", "NE", "", "ne-NP"] {
            assert!(Lang::parse(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_issue_holds_one_to_thirty_items() {
        let item = Item {
            medication: " Amoxicillin ".into(),
            dose: "500 mg".into(),
            route: "oral".into(),
            frequency: "twice daily".into(),
            duration_days: 7,
            quantity: 14,
            refills: 0,
            instructions: String::new(),
        };
        let patient = PatientId::new();
        assert!(Issue::parse(patient, None, vec![]).is_err());
        assert!(Issue::parse(patient, None, vec![item.clone(); 31]).is_err());
        let ok = Issue::parse(patient, None, vec![item.clone(); 30]).unwrap();
        assert_eq!(ok.items[0].medication, "Amoxicillin");
        let bad = Item {
            duration_days: 366,
            ..item
        };
        assert!(Issue::parse(patient, None, vec![bad]).is_err());
    }

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
