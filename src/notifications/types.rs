//! The notification domain's values as readers see them, and what a listing asks for.

use chrono::{DateTime, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use uuid::Uuid;

#[derive(Object, FromQueryResult, serde::Serialize, Clone, Debug)]
pub struct Notification {
    pub id: Uuid,
    pub kind: String,
    pub title: String,
    pub body: String,
    #[oai(nullable)]
    pub appointment_id: Option<Uuid>,
    #[oai(nullable)]
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// An outgoing message as admins see it (delivery state, not its text).
#[derive(Object, FromQueryResult)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub channel: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    /// What a text costs, in the provider's segments (GSM-7: 160 characters, 153 a part;
    /// UCS-2, e.g. Devanagari: 70, 67 a part); null for an email.
    #[oai(nullable)]
    pub segments: Option<i32>,
    #[oai(nullable)]
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    #[oai(nullable)]
    pub sent_at: Option<DateTime<Utc>>,
}

/// Which of the caller's notifications a listing asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    All,
    Unread,
}

impl Which {
    /// `unread=true` asks for unread ones only; absent or false, for all.
    pub fn from_unread(unread: Option<bool>) -> Self {
        if unread.unwrap_or(false) {
            Self::Unread
        } else {
            Self::All
        }
    }

    pub fn unread_only(self) -> bool {
        self == Self::Unread
    }
}

/// Which outgoing messages a listing asks for. The status is compared as given: a status no
/// message has (the known ones are `pending`, `sent` and `failed`) lists nothing, it is not
/// refused.
#[derive(Debug, Clone, Default)]
pub struct OutboxFilter {
    pub status: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unread_true_alone_asks_for_unread_notifications() {
        assert_eq!(Which::from_unread(Some(true)), Which::Unread);
        assert_eq!(Which::from_unread(Some(false)), Which::All);
        assert_eq!(Which::from_unread(None), Which::All);
        assert!(Which::Unread.unread_only());
        assert!(!Which::All.unread_only());
    }
}
