//! The auth domain's SQL, all of it. Sign-in, registration and password reset come before any
//! session, so they run on the system pool through definer functions; logout and profile changes
//! run in the caller's own transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    auth::{token::TokenHash, types::Email},
    db::{TenantTx, stmt},
    error::ApiResult,
};

/// One of an email's accounts and memberships, as sign-in weighs them.
#[derive(FromQueryResult, Debug)]
pub struct Candidate {
    pub user_id: Uuid,
    pub password_hash: String,
    pub is_super_admin: bool,
    pub user_active: bool,
    pub hospital_id: Option<Uuid>,
    pub hospital_slug: Option<String>,
    pub hospital_suspended: Option<bool>,
    pub role: Option<String>,
    pub membership_active: Option<bool>,
}

pub async fn candidates(system: &DatabaseConnection, email: &Email) -> ApiResult<Vec<Candidate>> {
    Ok(Candidate::find_by_statement(stmt(
        "select * from auth_login_candidates($1)",
        [email.as_str().into()],
    ))
    .all(system)
    .await?)
}

/// Creates the session; its expiry, or None when the membership no longer allows it.
pub async fn create_session(
    txn: &impl ConnectionTrait,
    hash: &TokenHash,
    user: Uuid,
    hospital: Option<Uuid>,
    role: &str,
    absolute_seconds: i32,
) -> ApiResult<Option<DateTime<Utc>>> {
    Ok(txn
        .query_one_raw(stmt(
            "select auth_create_session($1, $2, $3, $4, $5) as expires_at",
            [
                Value::from(hash.as_bytes().to_vec()),
                user.into(),
                hospital.into(),
                role.into(),
                absolute_seconds.into(),
            ],
        ))
        .await?
        .and_then(|r| {
            r.try_get::<Option<DateTime<Utc>>>("", "expires_at")
                .ok()
                .flatten()
        }))
}

/// Enters a new session's context in `txn` (so that its login is audited under RLS).
pub async fn enter_session(txn: &impl ConnectionTrait, hash: &TokenHash) -> ApiResult<()> {
    txn.execute_raw(stmt(
        "select 1 from auth_begin($1, $2)",
        [Value::from(hash.as_bytes().to_vec()), Value::from(60)],
    ))
    .await?;
    Ok(())
}

#[derive(FromQueryResult)]
pub struct HospitalRow {
    pub id: Uuid,
    pub suspended: bool,
}

pub async fn hospital_by_slug(
    system: &DatabaseConnection,
    slug: &str,
) -> ApiResult<Option<HospitalRow>> {
    Ok(
        HospitalRow::find_by_statement(stmt("select * from hospital_by_slug($1)", [slug.into()]))
            .one(system)
            .await?,
    )
}

/// A self-registered patient: the account (new or joining) and the patient profile.
pub struct NewPatient<'a> {
    pub hospital: Uuid,
    pub user: Uuid,
    pub new_user: bool,
    pub email: &'a Email,
    pub password_hash: String,
    pub full_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<String>,
    pub patient: Uuid,
}

pub async fn register_patient(txn: &impl ConnectionTrait, p: NewPatient<'_>) -> ApiResult<()> {
    txn.execute_raw(stmt(
        "select auth_register_patient($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        [
            p.hospital.into(),
            p.user.into(),
            p.new_user.into(),
            p.email.as_str().into(),
            p.password_hash.into(),
            p.full_name.into(),
            p.date_of_birth.into(),
            p.phone.into(),
            p.patient.into(),
        ],
    ))
    .await?;
    Ok(())
}

pub async fn revoke_session(tx: &TenantTx, hash: &TokenHash) -> ApiResult<()> {
    tx.conn()
        .execute_raw(stmt(
            "select auth_revoke_session($1)",
            [hash.as_bytes().to_vec().into()],
        ))
        .await?;
    Ok(())
}

/// The caller's own name, language and time zone (None: unchanged).
pub async fn update_profile(
    tx: &TenantTx,
    user: Uuid,
    name: Option<String>,
    language: Option<String>,
    timezone: Option<String>,
) -> ApiResult<()> {
    tx.execute_one(
        "update app_user set full_name = coalesce($2, full_name), language = coalesce($3, language),
           timezone = coalesce($4, timezone) where id = $1",
        vec![user.into(), name.into(), language.into(), timezone.into()],
    )
    .await
}

/// Queues a reset for `email` (the dispatcher expands it); the same work whether it has an
/// account or not.
pub async fn request_reset(
    system: &DatabaseConnection,
    email: &Email,
    hash: &TokenHash,
    minutes: i32,
    (subject, text, html): (String, String, String),
) -> ApiResult<()> {
    system
        .execute_raw(stmt(
            "select auth_request_password_reset($1, $2, $3, $4, $5, $6)",
            [
                Value::from(email.as_str()),
                hash.as_bytes().to_vec().into(),
                minutes.into(),
                subject.into(),
                text.into(),
                html.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// The email of a valid, unused reset token.
pub async fn reset_email(
    system: &DatabaseConnection,
    hash: &TokenHash,
) -> ApiResult<Option<String>> {
    Ok(system
        .query_one_raw(stmt(
            "select auth_password_reset_email($1) as email",
            [hash.as_bytes().to_vec().into()],
        ))
        .await?
        .and_then(|r| r.try_get::<Option<String>>("", "email").ok().flatten()))
}

/// Sets the new password and uses the token up; false when it was no longer valid.
pub async fn complete_reset(
    system: &DatabaseConnection,
    hash: &TokenHash,
    password_hash: String,
) -> ApiResult<bool> {
    Ok(system
        .query_one_raw(stmt(
            "select auth_complete_password_reset($1, $2) as ok",
            [Value::from(hash.as_bytes().to_vec()), password_hash.into()],
        ))
        .await?
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false))
}
