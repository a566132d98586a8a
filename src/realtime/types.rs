//! The real-time domain's values: conversations, messages and read receipts as the API answers
//! them, what a request may ask for (parsed and bounded here), the call's state and record, and
//! the socket's frames in both directions.

use chrono::{DateTime, Utc};
use poem_openapi::Object;
use sea_orm::FromQueryResult;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    ids::{AppointmentId, ConversationId, DoctorId, DocumentId, MessageId, PatientId, UserId},
};

/// Longest message text, in characters.
pub const MAX_BODY_CHARS: usize = 4000;
/// Longest `client_id`, in characters.
const MAX_CLIENT_ID_CHARS: usize = 100;

/// A doctor and a patient of their care team, talking.
#[derive(Object, FromQueryResult, Serialize, Clone)]
pub struct Conversation {
    pub id: Uuid,
    pub doctor_id: Uuid,
    pub patient_id: Uuid,
    /// The doctor's user (who sends as the doctor).
    pub doctor_user_id: Uuid,
    /// The patient's user.
    pub patient_user_id: Uuid,
    pub created_at: DateTime<Utc>,
    /// When the newest message was sent; null before the first.
    #[oai(nullable)]
    pub last_message_at: Option<DateTime<Utc>>,
    /// Messages from the other party after the caller's read receipt.
    pub unread: i64,
}

/// `POST /conversations`: a doctor names the patient, a patient the doctor.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct OpenConversation {
    #[oai(nullable)]
    pub patient_id: Option<Uuid>,
    #[oai(nullable)]
    pub doctor_id: Option<Uuid>,
}

/// The other party of a conversation to open, as the caller named them.
#[derive(Debug, Clone, Copy)]
pub enum Counterpart {
    Patient(PatientId),
    Doctor(DoctorId),
}

impl OpenConversation {
    /// 422 unless exactly the id the caller's side names is given: a doctor names a
    /// `patient_id`, a patient a `doctor_id`.
    pub fn parse(self, role: &str) -> ApiResult<Counterpart> {
        match (role, self.patient_id, self.doctor_id) {
            ("doctor", Some(p), None) => Ok(Counterpart::Patient(p.into())),
            ("patient", None, Some(d)) => Ok(Counterpart::Doctor(d.into())),
            ("doctor", _, _) => Err(ApiError::unprocessable(
                "a doctor opens a conversation with a patient_id (and no doctor_id)",
            )),
            _ => Err(ApiError::unprocessable(
                "a patient opens a conversation with a doctor_id (and no patient_id)",
            )),
        }
    }
}

/// One chat message.
#[derive(Object, FromQueryResult, Serialize, Clone, Debug)]
pub struct Message {
    pub id: Uuid,
    pub conversation_id: Uuid,
    pub sender_id: Uuid,
    pub body: String,
    /// One of the patient's documents, attached (read it through `/documents/{id}`).
    #[oai(nullable)]
    pub document_id: Option<Uuid>,
    /// The sender's idempotency key.
    pub client_id: String,
    pub created_at: DateTime<Utc>,
}

/// `POST /conversations/{id}/messages`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct PostMessage {
    /// Up to 4000 characters; may be empty when a document is attached.
    pub body: String,
    /// The client's key for this message (1-100 characters): sending it again answers the
    /// first message instead of posting twice.
    pub client_id: String,
    #[oai(nullable)]
    pub document_id: Option<Uuid>,
}

/// A message to post, checked.
pub struct NewMessage {
    pub id: MessageId,
    pub body: String,
    pub client_id: String,
    pub document_id: Option<DocumentId>,
}

impl PostMessage {
    pub fn parse(self) -> ApiResult<NewMessage> {
        if self.body.chars().count() > MAX_BODY_CHARS {
            return Err(ApiError::unprocessable(format!(
                "body must be at most {MAX_BODY_CHARS} characters"
            )));
        }
        if self.body.trim().is_empty() && self.document_id.is_none() {
            return Err(ApiError::unprocessable(
                "a message needs a body or a document_id",
            ));
        }
        let n = self.client_id.chars().count();
        if n == 0 || n > MAX_CLIENT_ID_CHARS {
            return Err(ApiError::unprocessable(format!(
                "client_id must be 1 to {MAX_CLIENT_ID_CHARS} characters"
            )));
        }
        Ok(NewMessage {
            id: MessageId::new(),
            body: self.body,
            client_id: self.client_id,
            document_id: self.document_id.map(DocumentId::from),
        })
    }
}

/// `POST /conversations/{id}/read`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ReadUpTo {
    /// The newest message the caller has read.
    pub message_id: Uuid,
}

/// A page of history, newest first.
#[derive(Object)]
pub struct MessagePage {
    pub items: Vec<Message>,
    /// Pass as `cursor` for older messages; null on the oldest page.
    #[oai(nullable)]
    pub next_cursor: Option<Uuid>,
}

/// `POST /ws/tickets`.
#[derive(Object)]
pub struct Ticket {
    /// Pass as `GET /api/v1/ws?ticket=…` within 60 seconds, once.
    pub ticket: String,
    pub expires_at: DateTime<Utc>,
}

/// An ICE server for `RTCPeerConnection`.
#[derive(Object, Serialize, Clone, Debug, PartialEq)]
pub struct IceServer {
    pub urls: Vec<String>,
    /// TURN only: `<unix expiry>:<user id>`.
    #[oai(skip_serializing_if_is_none)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// TURN only: base64(HMAC-SHA1(secret, username)), valid until the username's expiry.
    #[oai(skip_serializing_if_is_none)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

/// Where a call stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallState {
    NotOpen,
    Open,
    Ended,
}

impl CallState {
    pub fn name(self) -> &'static str {
        match self {
            Self::NotOpen => "not_open",
            Self::Open => "open",
            Self::Ended => "ended",
        }
    }
}

/// `GET /appointments/{id}/call`.
#[derive(Object)]
pub struct CallInfo {
    /// `not_open`, `open` or `ended`.
    pub state: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub ice_servers: Vec<IceServer>,
}

/// What happened in a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Joined,
    Waiting,
    Admitted,
    Left,
    Started,
    Ended,
    Quality,
}

impl EventKind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Joined => "joined",
            Self::Waiting => "waiting",
            Self::Admitted => "admitted",
            Self::Left => "left",
            Self::Started => "started",
            Self::Ended => "ended",
            Self::Quality => "quality",
        }
    }
}

/// One event of a call's record.
#[derive(Object, FromQueryResult)]
pub struct CallEvent {
    pub id: Uuid,
    /// `joined`, `waiting`, `admitted`, `left`, `started`, `ended` or `quality`.
    pub kind: String,
    /// Whom it is about.
    pub user_id: Uuid,
    /// Who recorded it (the doctor admits the patient).
    pub actor_id: Uuid,
    #[oai(nullable)]
    pub rtt_ms: Option<i32>,
    #[oai(nullable)]
    pub packet_loss: Option<f64>,
    #[oai(nullable)]
    pub bitrate_kbps: Option<i32>,
    pub at: DateTime<Utc>,
}

/// `GET /appointments/{id}/call/events`: the events, oldest first, and the call's span.
#[derive(Object)]
pub struct CallRecord {
    pub items: Vec<CallEvent>,
    /// When doctor and patient were first both in the call.
    #[oai(nullable)]
    pub started_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub ended_at: Option<DateTime<Utc>>,
    /// From start to end (or to the last leave, for a call nobody ended).
    #[oai(nullable)]
    pub duration_seconds: Option<i64>,
}

/// A quality report, checked.
#[derive(Debug, Clone, Copy)]
pub struct Quality {
    pub rtt_ms: i32,
    pub packet_loss: f64,
    pub bitrate_kbps: i32,
}

impl Quality {
    pub fn parse(rtt_ms: f64, packet_loss: f64, bitrate_kbps: f64) -> ApiResult<Self> {
        let whole = |v: f64, max: f64, name: &str| {
            if v.is_finite() && (0.0..=max).contains(&v) {
                Ok(v.round() as i32)
            } else {
                Err(ApiError::unprocessable(format!(
                    "{name} must be between 0 and {max}"
                )))
            }
        };
        if !(packet_loss.is_finite() && (0.0..=1.0).contains(&packet_loss)) {
            return Err(ApiError::unprocessable(
                "packet_loss must be a fraction between 0 and 1",
            ));
        }
        Ok(Self {
            rtt_ms: whole(rtt_ms, 600_000.0, "rtt_ms")?,
            packet_loss,
            bitrate_kbps: whole(bitrate_kbps, 10_000_000.0, "bitrate_kbps")?,
        })
    }
}

/// A frame a client sends.
#[derive(Deserialize, Debug)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum ClientFrame {
    #[serde(rename = "ping")]
    Ping,
    #[serde(rename = "chat.typing")]
    Typing { conversation_id: Uuid },
    #[serde(rename = "call.join")]
    Join { appointment_id: Uuid },
    #[serde(rename = "call.admit")]
    Admit { appointment_id: Uuid, user_id: Uuid },
    #[serde(rename = "call.signal")]
    Signal {
        appointment_id: Uuid,
        to: Uuid,
        data: serde_json::Value,
    },
    #[serde(rename = "call.leave")]
    Leave { appointment_id: Uuid },
    #[serde(rename = "call.end")]
    End { appointment_id: Uuid },
    #[serde(rename = "call.quality")]
    Quality {
        appointment_id: Uuid,
        rtt_ms: f64,
        packet_loss: f64,
        bitrate_kbps: f64,
    },
}

/// A frame the server sends.
#[derive(Serialize, Debug, Clone)]
#[serde(tag = "type")]
pub enum ServerFrame {
    #[serde(rename = "pong")]
    Pong,
    #[serde(rename = "chat.message")]
    ChatMessage {
        conversation_id: Uuid,
        message: Message,
    },
    #[serde(rename = "chat.read")]
    ChatRead {
        conversation_id: Uuid,
        user_id: Uuid,
        message_id: Uuid,
    },
    #[serde(rename = "chat.typing")]
    ChatTyping {
        conversation_id: Uuid,
        user_id: Uuid,
    },
    #[serde(rename = "notification")]
    Notification {
        notification: crate::notifications::types::Notification,
    },
    #[serde(rename = "call.waiting")]
    CallWaiting { appointment_id: Uuid, user_id: Uuid },
    #[serde(rename = "call.admitted")]
    CallAdmitted { appointment_id: Uuid },
    #[serde(rename = "call.peer")]
    CallPeer {
        appointment_id: Uuid,
        user_id: Uuid,
        present: bool,
    },
    #[serde(rename = "call.signal")]
    CallSignal {
        appointment_id: Uuid,
        from: Uuid,
        data: serde_json::Value,
    },
    #[serde(rename = "call.ended")]
    CallEnded { appointment_id: Uuid },
    #[serde(rename = "error")]
    Error {
        status: u16,
        title: String,
        detail: String,
    },
}

impl ServerFrame {
    /// The `error` frame for a refused client frame: the same status, title and detail as the
    /// problem+json the API would answer.
    pub fn error(e: &ApiError) -> Self {
        let status = e.status();
        Self::Error {
            status: status.as_u16(),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            detail: e.detail(),
        }
    }
}

/// A frame for one user, wherever their sockets are.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub to: UserId,
    pub frame: ServerFrame,
}

impl Delivery {
    pub fn new(to: impl Into<UserId>, frame: ServerFrame) -> Self {
        Self {
            to: to.into(),
            frame,
        }
    }
}

/// A message posted, and whether it was new (201) or the first one of its `client_id` (200).
pub struct Posted {
    pub message: Message,
    pub created: bool,
    pub deliveries: Vec<Delivery>,
}

/// The typed ids of the appointment a call frame names.
pub fn appointment(id: Uuid) -> AppointmentId {
    AppointmentId::from(id)
}

/// The typed id of the conversation a request names.
pub fn conversation(id: Uuid) -> ConversationId {
    ConversationId::from(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_parse_by_type_and_refuse_unknown_fields() {
        let f: ClientFrame = serde_json::from_str(
            r#"{"type":"call.join","appointment_id":"0190f6c8-7f2e-7000-8000-000000000001"}"#,
        )
        .unwrap();
        assert!(matches!(f, ClientFrame::Join { .. }));
        assert!(
            serde_json::from_str::<ClientFrame>(
                r#"{"type":"call.leave","appointment_id":"0190f6c8-7f2e-7000-8000-000000000001","x":1}"#
            )
            .is_err()
        );
        assert!(serde_json::from_str::<ClientFrame>(r#"{"type":"call.fly"}"#).is_err());
        let out = serde_json::to_value(ServerFrame::CallEnded {
            appointment_id: Uuid::nil(),
        })
        .unwrap();
        assert_eq!(out["type"], "call.ended");
    }

    #[test]
    fn a_message_needs_text_or_a_document_and_a_bounded_client_id() {
        let post = |body: &str, client: &str, doc: Option<Uuid>| {
            PostMessage {
                body: body.into(),
                client_id: client.into(),
                document_id: doc,
            }
            .parse()
        };
        assert!(post("hello", "c1", None).is_ok());
        assert!(post("  ", "c1", None).is_err());
        assert!(post("", "c1", Some(Uuid::nil())).is_ok());
        assert!(post("x", "", None).is_err());
        assert!(post("x", &"c".repeat(101), None).is_err());
        assert!(post(&"é".repeat(4000), "c", None).is_ok());
        assert!(post(&"é".repeat(4001), "c", None).is_err());
    }

    #[test]
    fn quality_reports_are_bounded() {
        assert!(Quality::parse(120.0, 0.02, 800.0).is_ok());
        assert!(Quality::parse(-1.0, 0.0, 1.0).is_err());
        assert!(Quality::parse(1.0, 1.5, 1.0).is_err());
        assert!(Quality::parse(f64::NAN, 0.0, 1.0).is_err());
    }
}
