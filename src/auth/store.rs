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

/// A new session's expiry, and whether it may do nothing but enrol a second factor first (the
/// hospital requires one for its staff and the member has none yet).
#[derive(FromQueryResult)]
pub struct Opened {
    pub expires_at: DateTime<Utc>,
    pub enrol_totp: bool,
}

/// Creates the session; None when the membership no longer allows it.
pub async fn create_session(
    txn: &impl ConnectionTrait,
    hash: &TokenHash,
    user: Uuid,
    hospital: Option<Uuid>,
    role: &str,
    absolute_seconds: i32,
) -> ApiResult<Option<Opened>> {
    Ok(Opened::find_by_statement(stmt(
        "select * from auth_create_session($1, $2, $3, $4, $5)",
        [
            Value::from(hash.as_bytes().to_vec()),
            user.into(),
            hospital.into(),
            role.into(),
            absolute_seconds.into(),
        ],
    ))
    .one(txn)
    .await?)
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

/// A membership's TOTP credential as stored: the wrapped secret and its key version.
#[derive(FromQueryResult)]
pub struct WrappedSecret {
    pub secret_wrapped: Vec<u8>,
    pub key_version: i32,
}

/// The caller's own credential and whether it is confirmed.
#[derive(FromQueryResult)]
pub struct OwnTotp {
    pub secret_wrapped: Vec<u8>,
    pub key_version: i32,
    pub confirmed: bool,
}

/// Starts (or restarts) the caller's enrolment with a wrapped secret (409 when one is on).
pub async fn totp_enrol(tx: &TenantTx, wrapped: Vec<u8>, version: i32) -> ApiResult<()> {
    tx.conn_execute(
        "select totp_enrol($1, $2)",
        vec![wrapped.into(), version.into()],
    )
    .await?;
    Ok(())
}

pub async fn totp_own(tx: &TenantTx) -> ApiResult<Option<OwnTotp>> {
    Ok(
        OwnTotp::find_by_statement(stmt("select * from totp_own()", []))
            .one(tx.conn())
            .await?,
    )
}

/// Confirms the caller's pending enrolment; false when nothing was pending.
pub async fn totp_confirm(tx: &TenantTx, step: i64, codes: Vec<Vec<u8>>) -> ApiResult<bool> {
    let row = tx
        .conn()
        .query_one_raw(stmt(
            "select totp_confirm($1, $2) as ok",
            [step.into(), codes.into()],
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false))
}

/// An admin clears a member's second factor (ending their sessions there); false when the user
/// is not a member of the admin's hospital.
pub async fn totp_reset(tx: &TenantTx, user: Uuid) -> ApiResult<bool> {
    let row = tx
        .conn()
        .query_one_raw(stmt("select totp_reset($1) as ok", [user.into()]))
        .await?;
    Ok(row
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false))
}

/// A membership's confirmed credential, for sign-in.
pub async fn totp_for_login(
    system: &DatabaseConnection,
    hospital: Option<Uuid>,
    user: Uuid,
) -> ApiResult<Option<WrappedSecret>> {
    Ok(WrappedSecret::find_by_statement(stmt(
        "select secret_wrapped, key_version from totp_for_login($1, $2)",
        [hospital.into(), user.into()],
    ))
    .one(system)
    .await?)
}

pub async fn challenge_create(
    system: &DatabaseConnection,
    hash: &TokenHash,
    user: Uuid,
    hospital: Option<Uuid>,
    role: &str,
    now: DateTime<Utc>,
    seconds: i32,
) -> ApiResult<()> {
    system
        .execute_raw(stmt(
            "select login_challenge_create($1, $2, $3, $4, $5, $6)",
            [
                Value::from(hash.as_bytes().to_vec()),
                user.into(),
                hospital.into(),
                role.into(),
                now.into(),
                seconds.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// Whose a sign-in challenge is, counting the try; None when unknown, expired at `now` or tried
/// out.
#[derive(FromQueryResult)]
pub struct Challenge {
    pub user_id: Uuid,
    pub hospital_id: Option<Uuid>,
    pub role: String,
}

pub async fn challenge_try(
    system: &DatabaseConnection,
    hash: &TokenHash,
    now: DateTime<Utc>,
) -> ApiResult<Option<Challenge>> {
    Ok(Challenge::find_by_statement(stmt(
        "select * from login_challenge_try($1, $2)",
        [hash.as_bytes().to_vec().into(), now.into()],
    ))
    .one(system)
    .await?)
}

pub async fn challenge_done(system: &DatabaseConnection, hash: &TokenHash) -> ApiResult<()> {
    system
        .execute_raw(stmt(
            "select login_challenge_done($1)",
            [hash.as_bytes().to_vec().into()],
        ))
        .await?;
    Ok(())
}

async fn flag(system: &DatabaseConnection, sql: &str, values: Vec<Value>) -> ApiResult<bool> {
    let row = system.query_one_raw(stmt(sql, values)).await?;
    Ok(row
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false))
}

/// Accepts a code's time step once (newer than any accepted before).
pub async fn accept_step(
    system: &DatabaseConnection,
    hospital: Option<Uuid>,
    user: Uuid,
    step: i64,
) -> ApiResult<bool> {
    flag(
        system,
        "select totp_accept_step($1, $2, $3) as ok",
        vec![hospital.into(), user.into(), step.into()],
    )
    .await
}

/// Uses a recovery code up (true the first time only).
pub async fn use_recovery(
    system: &DatabaseConnection,
    hospital: Option<Uuid>,
    user: Uuid,
    hash: [u8; 32],
) -> ApiResult<bool> {
    flag(
        system,
        "select totp_use_recovery($1, $2, $3) as ok",
        vec![hospital.into(), user.into(), hash.to_vec().into()],
    )
    .await
}
