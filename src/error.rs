//! One error type for the whole API, answered as RFC 9457 problem+json.
//! Details meant for operators go to the log; clients get a short, safe message.

use poem::{Response, error::ResponseError, http::StatusCode};
use poem_openapi::{ApiResponse, Object, payload::Json, registry::MetaResponses};
use sea_orm::DbErr;

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Object, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// A URI reference naming the problem type.
    #[oai(rename = "type")]
    #[serde(rename = "type")]
    pub ty: String,
    /// Short summary of the problem type.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, in words meant for the client.
    pub detail: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the request is malformed.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 401: no token, or a token that is unknown, expired or revoked; also failed logins.
    #[error("unauthorized: {0}")]
    Unauthorized(&'static str),
    /// 403: the caller's role may not take this action.
    #[error("forbidden")]
    Forbidden,
    /// 403 with a reason the caller can act on.
    #[error("forbidden: {0}")]
    ForbiddenBecause(&'static str),
    /// 404: no such resource, or not the caller's to see.
    #[error("not found")]
    NotFound,
    /// 409: the request conflicts with the current state.
    #[error("conflict: {0}")]
    Conflict(String),
    /// 410: the resource existed but can never be served again (e.g. its key was destroyed).
    #[error("gone: {0}")]
    Gone(&'static str),
    /// 500 with an honest reason: stored data failed its integrity check; nothing was served.
    #[error("integrity: {0}")]
    Integrity(&'static str),
    /// 413: the body is larger than allowed.
    #[error("payload too large")]
    PayloadTooLarge,
    /// 422: well-formed but semantically invalid.
    #[error("unprocessable: {0}")]
    Unprocessable(String),
    /// 429: throttled; retry after this many seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after: u64 },
    /// 503: a dependency is unavailable or the server is shedding load.
    #[error("unavailable: {0}")]
    Unavailable(&'static str),
    /// 503 with Retry-After: the connection to PostgreSQL broke (a terminated backend, a
    /// restart, a failover) or none came free in time. The request's transaction rolled back
    /// whole, so nothing of it was written and retrying is safe; the pool replaces broken
    /// connections on its own.
    #[error("database unavailable: {0:#}")]
    DatabaseUnavailable(anyhow::Error),
    /// 500: logged with its cause, answered generically.
    #[error("internal error: {0:#}")]
    Internal(anyhow::Error),
}

/// Seconds a client is told to wait after a 503 for a lost database connection: the pool
/// opens a fresh one at the next request.
const DATABASE_RETRY_AFTER: &str = "1";

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::ForbiddenBecause(_) => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Gone(_) => StatusCode::GONE,
            Self::Integrity(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) | Self::DatabaseUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the client is told (problem+json `detail`, a socket's `error` frame).
    pub fn detail(&self) -> String {
        match self {
            Self::BadRequest(d) | Self::Conflict(d) | Self::Unprocessable(d) => d.clone(),
            Self::Unauthorized(d)
            | Self::Unavailable(d)
            | Self::ForbiddenBecause(d)
            | Self::Gone(d)
            | Self::Integrity(d) => (*d).to_string(),
            Self::Forbidden => "your role does not allow this action".into(),
            Self::NotFound => "no such resource".into(),
            Self::PayloadTooLarge => "the request body is larger than allowed".into(),
            Self::TooManyRequests { retry_after } => {
                format!("too many attempts; retry in {retry_after} seconds")
            }
            Self::DatabaseUnavailable(_) => {
                "the database is briefly unavailable; nothing was changed, retry shortly".into()
            }
            Self::Internal(_) => "an internal error occurred; it has been logged".into(),
        }
    }

    pub fn unprocessable(msg: impl Into<String>) -> Self {
        Self::Unprocessable(msg.into())
    }
    pub fn conflict(msg: impl Into<String>) -> Self {
        Self::Conflict(msg.into())
    }
}

/// The one mapping from a rule the database enforces to what the client is told (409): the
/// constraint's name, then the words. Every write reaches it through `From<DbErr>`, so no
/// handler matches constraint names itself.
const CONSTRAINTS: &[(&str, &str)] = &[
    (
        "app_user_email_key",
        "an account with this email already exists",
    ),
    (
        "membership_pkey",
        "this account is already registered at this hospital",
    ),
    (
        "hospital_slug_key",
        "a hospital with this slug already exists",
    ),
    (
        "doctor_hospital_id_license_number_key",
        "a doctor with this licence number already exists here",
    ),
    (
        "care_team_pkey",
        "this doctor is already on the patient's care team",
    ),
    (
        "encounter_appointment",
        "this appointment already has an encounter",
    ),
    (
        "payment_one_pending",
        "a payment for this appointment is already under way",
    ),
    (
        "patient_sms_needs_phone",
        "SMS needs the patient's phone number: set `phone` as well",
    ),
    ("appointment_doctor_no_overlap", "this slot is taken"),
    (
        "appointment_patient_no_overlap",
        "the patient already has an appointment at that time",
    ),
];

/// SQLSTATEs our own functions raise, and what they mean to the client (409).
const RAISED: &[(&str, &str)] = &[
    (
        "P0003",
        "this account also belongs elsewhere; its owner must reset the password",
    ),
    (
        "P0004",
        "two-factor sign-in is already on for this account; an admin can reset it",
    ),
];

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        if is_connection_fault(&err) {
            return Self::DatabaseUnavailable(anyhow::Error::new(err));
        }
        if let Some(name) = violated_constraint(&err)
            && let Some((_, words)) = CONSTRAINTS.iter().find(|(c, _)| *c == name)
        {
            return Self::conflict(*words);
        }
        let state = sqlstate(&err);
        if let Some((_, words)) = RAISED.iter().find(|(c, _)| Some(*c) == state.as_deref()) {
            return Self::conflict(*words);
        }
        // A deadlock between concurrent writes (two bookings racing under the exclusion
        // constraints) aborts one of them: for that one it is a lost race, not a fault.
        if state.as_deref() == Some("40P01") {
            return Self::conflict("a concurrent change took this first; try again");
        }
        // A write that row-level security refuses is an action this caller may not take,
        // whatever casbin said: 403, logged, never a 500.
        if sqlstate(&err).as_deref() == Some("42501") && err.to_string().contains("row-level") {
            tracing::warn!("a write was refused by row-level security");
            return Self::Forbidden;
        }
        Self::Internal(anyhow::Error::new(err))
    }
}

/// Errors that escaped as `anyhow` (from code shared with the workers) still answer 503 when a
/// lost database connection is their cause.
impl From<anyhow::Error> for ApiError {
    fn from(err: anyhow::Error) -> Self {
        let lost = err.chain().any(|cause| {
            cause
                .downcast_ref::<DbErr>()
                .is_some_and(is_connection_fault)
                || cause
                    .downcast_ref::<ApiError>()
                    .is_some_and(|e| matches!(e, ApiError::DatabaseUnavailable(_)))
                || cause
                    .downcast_ref::<sea_orm::sqlx::Error>()
                    .is_some_and(sqlx_connection_fault)
        });
        if lost {
            Self::DatabaseUnavailable(err)
        } else {
            Self::Internal(err)
        }
    }
}

/// The one test of "the connection broke, not the statement": no connection came free in time,
/// the pool is closed, the socket failed, or the server ended the session (SQLSTATE class 08,
/// connection exception; 57P01-57P03, admin or crash shutdown, cannot connect now). A
/// statement's own failure (a constraint, a type) is never one.
pub fn is_connection_fault(err: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    match err {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => sqlx_connection_fault(e),
        _ => false,
    }
}

fn sqlx_connection_fault(e: &sea_orm::sqlx::Error) -> bool {
    use sea_orm::sqlx::Error;
    match e {
        Error::Io(_)
        | Error::Tls(_)
        | Error::PoolTimedOut
        | Error::PoolClosed
        | Error::WorkerCrashed
        | Error::BeginFailed => true,
        Error::Database(d) => d
            .code()
            .is_some_and(|c| c.starts_with("08") || c.starts_with("57P")),
        _ => false,
    }
}

/// The name of the constraint a database error violated, if any.
fn violated_constraint(err: &DbErr) -> Option<String> {
    use sea_orm::{RuntimeErr, sqlx};
    match err {
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            match e.as_ref() {
                sqlx::Error::Database(d) => d.constraint().map(str::to_owned),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The SQLSTATE of a database error, if any.
fn sqlstate(err: &DbErr) -> Option<String> {
    use sea_orm::{RuntimeErr, sqlx};
    match err {
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            match e.as_ref() {
                sqlx::Error::Database(d) => d.code().map(|c| c.into_owned()),
                _ => None,
            }
        }
        _ => None,
    }
}

pub fn problem_response(status: StatusCode, detail: &str) -> Response {
    let title = status.canonical_reason().unwrap_or("Error");
    let body = Problem {
        ty: "about:blank".into(),
        title: title.into(),
        status: status.as_u16(),
        detail: detail.into(),
    };
    Response::builder()
        .status(status)
        .content_type("application/problem+json")
        .body(serde_json::to_vec(&body).unwrap_or_default())
}

impl ResponseError for ApiError {
    fn status(&self) -> StatusCode {
        ApiError::status(self)
    }

    fn as_response(&self) -> Response {
        if let Self::Internal(e) = self {
            tracing::error!(error = %format!("{e:#}"), "internal error");
        }
        if let Self::DatabaseUnavailable(e) = self {
            tracing::warn!(error = %format!("{e:#}"), "database connection lost; answered 503");
        }
        let mut resp = problem_response(self.status(), &self.detail());
        match self {
            Self::TooManyRequests { retry_after } => {
                resp.headers_mut().insert(
                    "retry-after",
                    retry_after.to_string().parse().expect("digits"),
                );
            }
            Self::DatabaseUnavailable(_) => {
                resp.headers_mut().insert(
                    "retry-after",
                    poem::http::HeaderValue::from_static(DATABASE_RETRY_AFTER),
                );
            }
            _ => {}
        }
        resp
    }
}

/// Documents the problem answers every operation may give.
#[derive(ApiResponse)]
#[expect(dead_code, reason = "never built: only its meta documents the spec")]
enum ProblemDoc {
    /// Malformed request or unknown fields.
    #[oai(status = 400, content_type = "application/problem+json")]
    BadRequest(Json<Problem>),
    /// Missing, invalid, expired or revoked token.
    #[oai(status = 401, content_type = "application/problem+json")]
    Unauthorized(Json<Problem>),
    /// The caller's role may not take this action.
    #[oai(status = 403, content_type = "application/problem+json")]
    Forbidden(Json<Problem>),
    /// Not found, or not the caller's to see.
    #[oai(status = 404, content_type = "application/problem+json")]
    NotFound(Json<Problem>),
    /// Conflicts with the current state.
    #[oai(status = 409, content_type = "application/problem+json")]
    Conflict(Json<Problem>),
    /// Semantically invalid.
    #[oai(status = 422, content_type = "application/problem+json")]
    Unprocessable(Json<Problem>),
    /// Throttled; see Retry-After.
    #[oai(status = 429, content_type = "application/problem+json")]
    TooManyRequests(Json<Problem>),
    /// A dependency (a payment provider, Redis) is unavailable or not configured; retry later.
    #[oai(status = 503, content_type = "application/problem+json")]
    Unavailable(Json<Problem>),
}

impl ApiResponse for ApiError {
    fn meta() -> MetaResponses {
        ProblemDoc::meta()
    }
    fn register(registry: &mut poem_openapi::registry::Registry) {
        ProblemDoc::register(registry)
    }
}

/// Turns every error that escaped a handler (routing, parsing, our own) into problem+json.
pub async fn catch_all(err: poem::Error) -> Response {
    if err.is::<ApiError>() {
        return err.into_response();
    }
    // A value outside the bounds the spec declares (poem-openapi's validators: `limit`,
    // `slot_minutes`, …) is semantically invalid, answered 422 like every other such check;
    // anything else poem-openapi could not parse stays 400.
    let out_of_bounds = err
        .downcast_ref::<poem_openapi::error::ParseParamError>()
        .map(|e| e.reason.contains("verification failed"))
        .or_else(|| {
            err.downcast_ref::<poem_openapi::error::ParseRequestPayloadError>()
                .map(|e| e.reason.contains("verification failed"))
        })
        .unwrap_or(false);
    let status = if out_of_bounds {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        err.status()
    };
    let detail = match status {
        StatusCode::NOT_FOUND => "no such resource".to_string(),
        StatusCode::METHOD_NOT_ALLOWED => "this method is not allowed on this path".to_string(),
        StatusCode::PAYLOAD_TOO_LARGE => "the request body is larger than allowed".to_string(),
        StatusCode::UNAUTHORIZED => "a valid bearer token is required".to_string(),
        StatusCode::LENGTH_REQUIRED => "a Content-Length header is required".to_string(),
        s if s.is_client_error() => err.to_string(),
        _ => {
            tracing::error!(error = %err, status = status.as_u16(), "unhandled error");
            "an internal error occurred; it has been logged".to_string()
        }
    };
    // poem-openapi reports unparseable bodies as 400; keep its words (they name the field).
    problem_response(status, &detail)
}
