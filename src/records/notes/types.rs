//! The notes domain's values: encounters and notes as readers see them, and what a request to
//! open or write one asks for (its free text checked here, when the service gets to it).

use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    ids::{AppointmentId, EncounterId, PatientId},
    records::text,
};

#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Encounter {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub doctor_id: Uuid,
    #[oai(nullable)]
    pub appointment_id: Option<Uuid>,
    /// `in_progress` or `finished`.
    pub status: String,
    pub reason: String,
    pub started_at: chrono::DateTime<chrono::Utc>,
    #[oai(nullable)]
    pub ended_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Note {
    pub id: Uuid,
    pub patient_id: Uuid,
    #[oai(nullable)]
    pub encounter_id: Option<Uuid>,
    pub author_user_id: Uuid,
    /// Hidden from hospital admins unless the patient grants them access.
    pub private: bool,
    pub body: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// An encounter to open.
pub struct EncounterRequest {
    pub patient: PatientId,
    /// The appointment this visit belongs to (one encounter per appointment).
    pub appointment: Option<AppointmentId>,
    pub reason: Option<String>,
}

impl EncounterRequest {
    /// The reason, empty when absent; 422 over 500 characters.
    pub fn checked_reason(&self) -> ApiResult<String> {
        let reason = self.reason.clone().unwrap_or_default();
        if reason.chars().count() > 500 {
            return Err(ApiError::unprocessable(
                "reason must have at most 500 characters",
            ));
        }
        Ok(reason)
    }
}

/// A note to write on a patient's record.
pub struct NoteRequest {
    pub body: String,
    pub private: bool,
    pub encounter: Option<EncounterId>,
}

impl NoteRequest {
    /// The body, trimmed; 422 unless it has 1 to 20000 characters.
    pub fn checked_body(&self) -> ApiResult<String> {
        text("body", &self.body, 20_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_optional_and_at_most_500_characters() {
        let mut r = EncounterRequest {
            patient: PatientId::new(),
            appointment: None,
            reason: None,
        };
        assert_eq!(r.checked_reason().unwrap(), "");
        r.reason = Some("é".repeat(500));
        assert_eq!(r.checked_reason().unwrap().chars().count(), 500);
        r.reason = Some("x".repeat(501));
        assert!(r.checked_reason().is_err());
    }

    #[test]
    fn a_body_is_trimmed_and_1_to_20000_characters() {
        let mut n = NoteRequest {
            body: "  seen today  ".into(),
            private: false,
            encounter: None,
        };
        assert_eq!(n.checked_body().unwrap(), "seen today");
        n.body = "   ".into();
        assert!(n.checked_body().is_err());
        n.body = "x".repeat(20_001);
        assert!(n.checked_body().is_err());
    }
}
