//! The consent domain's values: grants as readers see them, the scopes a consent may have, and
//! what a consent or an emergency access asks for (checked here).

use chrono::{DateTime, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    ids::UserId,
    records::text,
};

/// A grant of access to one patient's records.
#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Grant {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub grantee_user_id: Uuid,
    /// `consent` (from the patient) or `break_glass` (emergency access by a doctor).
    pub kind: String,
    /// `records` (a doctor outside the care team) or `private_notes` (a hospital admin).
    pub scope: String,
    #[oai(nullable)]
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
    #[oai(nullable)]
    pub expires_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub revoked_at: Option<DateTime<Utc>>,
    /// Unexpired and not revoked.
    pub active: bool,
}

/// What a consent opens: a doctor's access to the records, or an admin's to private notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Records,
    PrivateNotes,
}

impl Scope {
    /// 422 for anything but the two names.
    pub fn parse(s: &str) -> ApiResult<Self> {
        match s {
            "records" => Ok(Self::Records),
            "private_notes" => Ok(Self::PrivateNotes),
            _ => Err(ApiError::unprocessable(
                "scope must be records or private_notes",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Records => "records",
            Self::PrivateNotes => "private_notes",
        }
    }

    /// The membership role a grantee of this scope must have.
    pub fn grantee_role(self) -> &'static str {
        match self {
            Self::Records => "doctor",
            Self::PrivateNotes => "hospital_admin",
        }
    }
}

/// A consent to grant.
pub struct ConsentRequest {
    pub grantee: UserId,
    pub scope: Scope,
    /// Open-ended when absent.
    pub expires_at: Option<DateTime<Utc>>,
}

/// An emergency (break-glass) access to open.
pub struct EmergencyRequest {
    pub reason: String,
    pub minutes: Option<i64>,
}

/// An emergency access, checked: why, and for how long.
pub struct Emergency {
    pub reason: String,
    /// 1 to 60.
    pub minutes: i64,
}

impl EmergencyRequest {
    /// The reason (trimmed, 10 to 500 characters) and the minutes (1 to 60, default 60); 422
    /// otherwise, the reason checked first.
    pub fn checked(&self) -> ApiResult<Emergency> {
        let reason = text("reason", &self.reason, 500)?;
        if reason.chars().count() < 10 {
            return Err(ApiError::unprocessable(
                "reason must explain the emergency (at least 10 characters)",
            ));
        }
        let minutes = self.minutes.unwrap_or(60);
        if !(1..=60).contains(&minutes) {
            return Err(ApiError::unprocessable("minutes must be between 1 and 60"));
        }
        Ok(Emergency { reason, minutes })
    }
}

/// What an alert to the hospital's admins says: its subject, text and HTML.
pub struct Alert {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Alert {
    /// Emergency access opened by `doctor` (their name): names no patient, only the record's
    /// and the grant's ids, which the admin follows into the audit trail.
    pub fn break_glass(doctor: &str, grant: &Grant, minutes: i64) -> Self {
        let subject = "Emergency access opened".to_string();
        let text = format!(
            "{doctor} opened emergency (break-glass) access to patient record {} for {minutes} minutes.\n\
             Grant {} expires at {}. Review the reason in the audit trail.",
            grant.patient_id,
            grant.id,
            grant.expires_at.map(|t| t.to_rfc3339()).unwrap_or_default()
        );
        let html = format!(
            "<p>{}</p>",
            text.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('\n', "<br>")
        );
        Self {
            subject,
            text,
            html,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_from_their_names_only() {
        for s in [Scope::Records, Scope::PrivateNotes] {
            assert_eq!(Scope::parse(s.as_str()).unwrap(), s);
        }
        assert!(Scope::parse("Records").is_err());
        assert_eq!(Scope::Records.grantee_role(), "doctor");
        assert_eq!(Scope::PrivateNotes.grantee_role(), "hospital_admin");
    }

    #[test]
    fn an_emergency_needs_a_reason_and_at_most_an_hour() {
        let e = |reason: &str, minutes| EmergencyRequest {
            reason: reason.into(),
            minutes,
        };
        let ok = e("  patient unconscious  ", None).checked().unwrap();
        assert_eq!(
            (ok.reason.as_str(), ok.minutes),
            ("patient unconscious", 60)
        );
        assert!(e("too short", Some(5)).checked().is_err());
        assert!(e(&"x".repeat(501), Some(5)).checked().is_err());
        assert!(e("patient unconscious", Some(0)).checked().is_err());
        assert!(e("patient unconscious", Some(61)).checked().is_err());
        assert_eq!(
            e("patient unconscious", Some(1)).checked().unwrap().minutes,
            1
        );
    }

    #[test]
    fn an_alert_names_no_patient_and_escapes_its_html() {
        let g = Grant {
            id: Uuid::nil(),
            patient_id: Uuid::max(),
            grantee_user_id: Uuid::nil(),
            kind: "break_glass".into(),
            scope: "records".into(),
            reason: Some("secret reason".into()),
            created_at: Utc::now(),
            expires_at: None,
            revoked_at: None,
            active: true,
        };
        let a = Alert::break_glass("Dr <A> & B", &g, 15);
        assert!(a.text.contains(&Uuid::max().to_string()));
        assert!(a.text.contains("for 15 minutes.\nGrant"));
        assert!(!a.text.contains("secret"));
        assert!(a.html.starts_with("<p>Dr &lt;A> &amp; B opened"));
        assert!(a.html.contains("<br>"));
    }
}
