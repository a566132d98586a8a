//! Reading the audit trail: the events and access-log entries readers see, what a listing asks
//! for, and its newest-first paging.

use chrono::{DateTime, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    app::paging::{Listing, MAX_LIMIT, Page},
    error::{ApiError, ApiResult},
    ids::{PatientId, UserId},
};

#[derive(Object, FromQueryResult)]
pub struct AuditEvent {
    pub id: Uuid,
    pub hospital_id: Uuid,
    pub occurred_at: DateTime<Utc>,
    #[oai(nullable)]
    pub actor_user_id: Option<Uuid>,
    pub actor_role: String,
    pub action: String,
    pub resource_type: String,
    #[oai(nullable)]
    pub resource_id: Option<String>,
    #[oai(nullable)]
    pub patient_id: Option<Uuid>,
    #[oai(nullable)]
    pub purpose: Option<String>,
    #[oai(nullable)]
    pub request_id: Option<String>,
    #[oai(nullable)]
    pub ip: Option<String>,
    pub outcome: String,
    /// Position in the hospital's hash chain; null until sealed (within about a second).
    #[oai(nullable)]
    pub seq: Option<i64>,
}

/// One access to a patient's record.
#[derive(Object, FromQueryResult)]
pub struct AccessLogEntry {
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// The person's name where the caller may see it (staff names are visible to members).
    #[oai(nullable)]
    pub actor_name: Option<String>,
    pub actor_role: String,
    pub action: String,
    pub resource_type: String,
    #[oai(nullable)]
    pub purpose: Option<String>,
    pub outcome: String,
}

/// Which events a trail listing asks for (`from` inclusive, `to` exclusive).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub actor: Option<UserId>,
    pub patient: Option<PatientId>,
    /// An action name as recorded (`prescription.read`); compared as given.
    pub action: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Newest first: the cursor is the last id seen, and the next page holds older ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewestFirst {
    pub limit: u32,
    /// List ids below this one (all, on the first page).
    pub before: Uuid,
}

impl NewestFirst {
    /// 50 unless `limit` says otherwise; 422 outside 1 to 200.
    pub fn parse(limit: Option<u32>, cursor: Option<Uuid>) -> ApiResult<Self> {
        let limit = limit.unwrap_or(50);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::unprocessable(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        Ok(Self {
            limit,
            before: cursor.unwrap_or(Uuid::max()),
        })
    }

    /// Fetch one more than the limit, to know whether there is a next page.
    pub fn fetch(&self) -> i64 {
        i64::from(self.limit) + 1
    }

    pub fn finish<T, F: Fn(&T) -> Uuid>(&self, rows: Vec<T>, id: F) -> Listing<T>
    where
        T: poem_openapi::types::ParseFromJSON + poem_openapi::types::ToJSON + Send + Sync,
    {
        Page {
            limit: self.limit,
            after: None,
        }
        .finish(rows, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_pages_from_the_top_within_the_limits() {
        let p = NewestFirst::parse(None, None).unwrap();
        assert_eq!((p.limit, p.before, p.fetch()), (50, Uuid::max(), 51));
        let c = Uuid::now_v7();
        assert_eq!(NewestFirst::parse(Some(200), Some(c)).unwrap().before, c);
        assert!(NewestFirst::parse(Some(0), None).is_err());
        assert!(NewestFirst::parse(Some(201), None).is_err());
    }
}
