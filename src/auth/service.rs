//! Login, logout and self-registration.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::TransactionTrait;
use secrecy::SecretString;
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::{AuditEntry, AuditRow},
    auth::{
        store::{self, Candidate, NewPatient},
        throttle::{Throttle, rate_limit},
        token::{self, TokenHash},
        two_factor,
        types::Email,
    },
    db::{RequestMeta, TenantTx},
    error::{ApiError, ApiResult},
};

pub struct Session {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub user_id: Uuid,
    pub role: String,
    pub hospital_id: Option<Uuid>,
    /// The hospital requires a second factor of its staff and this member has none: the
    /// session may only enrol one (`POST /api/v1/auth/totp`) until it is confirmed.
    pub must_enrol_totp: bool,
}

/// What the password step answers: a session, or (with a second factor on) a challenge for the
/// code step.
pub enum Login {
    Session(Session),
    SecondFactor {
        challenge: String,
        user_id: Uuid,
        role: String,
        hospital_id: Option<Uuid>,
    },
}

const BAD_CREDENTIALS: &str = "email or password is incorrect";

async fn candidates(state: &AppState, email: &Email) -> ApiResult<Vec<Candidate>> {
    store::candidates(&state.system, email).await
}

/// Verifies the password (always, also for unknown emails), then picks the membership.
pub async fn login(
    state: &AppState,
    email: &str,
    password: SecretString,
    hospital: Option<&str>,
    meta: &RequestMeta,
) -> ApiResult<Login> {
    // An unparseable email is answered like any unknown one.
    let email = Email::parse(email)
        .unwrap_or_else(|_| Email::parse("invalid@invalid.invalid").expect("valid"));
    let mut throttle = Throttle::new(state.redis.clone(), &state.config, "login", &email, meta.ip);
    throttle.check().await?;
    let rows = candidates(state, &email).await?;
    let hash = rows.first().map(|c| c.password_hash.clone());
    if !state.hasher.verify(&password, hash).await? {
        throttle.record_failure().await?;
        return Err(ApiError::Unauthorized(BAD_CREDENTIALS));
    }
    throttle.clear_account().await?;
    let first = &rows[0];
    if !first.user_active {
        return Err(ApiError::Unauthorized("this account is deactivated"));
    }
    let chosen: (Option<Uuid>, String) = match hospital {
        Some(slug) => {
            let m = rows
                .iter()
                .find(|c| c.hospital_slug.as_deref() == Some(slug))
                .ok_or(ApiError::Unauthorized(
                    "this account has no access to that hospital",
                ))?;
            check_membership(m)?;
            (m.hospital_id, m.role.clone().unwrap_or_default())
        }
        None if first.is_super_admin => (None, "super_admin".to_string()),
        None => {
            let members: Vec<&Candidate> =
                rows.iter().filter(|c| c.hospital_id.is_some()).collect();
            match members.as_slice() {
                [m] => {
                    check_membership(m)?;
                    (m.hospital_id, m.role.clone().unwrap_or_default())
                }
                [] => {
                    return Err(ApiError::Unauthorized(
                        "this account has no hospital access",
                    ));
                }
                _ => {
                    return Err(ApiError::unprocessable(
                        "this account belongs to several hospitals; name one in `hospital`",
                    ));
                }
            }
        }
    };
    let (hospital_id, role) = chosen;
    if let Some(challenge) =
        two_factor::challenge_if_on(state, first.user_id, hospital_id, &role).await?
    {
        return Ok(Login::SecondFactor {
            challenge,
            user_id: first.user_id,
            role,
            hospital_id,
        });
    }
    Ok(Login::Session(
        open_session(state, first.user_id, hospital_id, role, meta).await?,
    ))
}

fn check_membership(m: &Candidate) -> ApiResult<()> {
    if m.hospital_suspended == Some(true) {
        return Err(ApiError::Unauthorized(
            "this hospital's access is suspended",
        ));
    }
    if m.membership_active != Some(true) {
        return Err(ApiError::Unauthorized(
            "this account is deactivated at that hospital",
        ));
    }
    Ok(())
}

pub(crate) async fn open_session(
    state: &AppState,
    user_id: Uuid,
    hospital_id: Option<Uuid>,
    role: String,
    meta: &RequestMeta,
) -> ApiResult<Session> {
    let token = token::generate();
    let hash = TokenHash::of(&token);
    let txn = state.system.begin().await?;
    let absolute = i32::try_from(state.config.session_absolute.as_secs()).unwrap_or(i32::MAX);
    let opened = store::create_session(&txn, &hash, user_id, hospital_id, &role, absolute)
        .await?
        .ok_or(ApiError::Unauthorized(BAD_CREDENTIALS))?;
    if let Some(h) = hospital_id {
        // Enter the new session's context so that the login is audited under RLS.
        store::enter_session(&txn, &hash).await?;
        AuditRow::by(
            h,
            Some(user_id),
            &role,
            meta,
            AuditEntry::new("auth.login", "session", user_id),
        )
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Session {
        token,
        expires_at: opened.expires_at,
        user_id,
        role,
        hospital_id,
        must_enrol_totp: opened.enrol_totp,
    })
}

pub struct Registration {
    pub hospital: String,
    pub email: Email,
    pub password: SecretString,
    pub full_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<String>,
}

/// The account a registration creates or joins: (user id, whether it is new, password hash).
/// Proving the password of an existing account is a sign-in: the same per-account (and
/// per-address) throttle counts and stops it, or registration would be a way around the login
/// lockout.
async fn registering_account(
    state: &AppState,
    reg: &Registration,
    meta: &RequestMeta,
) -> ApiResult<(Uuid, bool, String)> {
    let existing = candidates(state, &reg.email).await?;
    let Some(c) = existing.first() else {
        return Ok((
            Uuid::now_v7(),
            true,
            state.hasher.hash(&reg.password).await?,
        ));
    };
    let mut throttle = Throttle::new(
        state.redis.clone(),
        &state.config,
        "login",
        &reg.email,
        meta.ip,
    );
    throttle.check().await?;
    if !state
        .hasher
        .verify(&reg.password, Some(c.password_hash.clone()))
        .await?
    {
        throttle.record_failure().await?;
        return Err(ApiError::conflict(
            "an account with this email exists; register with that account's password to join this hospital",
        ));
    }
    throttle.clear_account().await?;
    Ok((c.user_id, false, c.password_hash.clone()))
}

/// Creates a patient (never any other role). An existing account joins the hospital as a
/// patient only when the password given is that account's.
pub async fn register(
    state: &AppState,
    reg: Registration,
    meta: &RequestMeta,
) -> ApiResult<(Uuid, Uuid)> {
    if let Some(ip) = meta.ip {
        let key = format!("{}:register:ip:{ip}", state.config.redis_namespace);
        rate_limit(
            &mut state.redis.clone(),
            &key,
            state.config.registrations_per_ip_per_hour,
            std::time::Duration::from_secs(3600),
        )
        .await?;
    }
    let hospital = store::hospital_by_slug(&state.system, &reg.hospital)
        .await?
        .filter(|h| !h.suspended)
        .ok_or_else(|| {
            ApiError::unprocessable("no hospital with that slug accepts registrations")
        })?;
    let (user_id, new_user, hash) = registering_account(state, &reg, meta).await?;
    let patient_id = Uuid::now_v7();
    let txn = state.system.begin().await?;
    store::register_patient(
        &txn,
        NewPatient {
            hospital: hospital.id,
            user: user_id,
            new_user,
            email: &reg.email,
            password_hash: hash,
            full_name: reg.full_name,
            date_of_birth: reg.date_of_birth,
            phone: reg.phone,
            patient: patient_id,
        },
    )
    .await?;
    AuditRow::by(
        hospital.id,
        Some(user_id),
        "patient",
        meta,
        AuditEntry::new("patient.register", "patient", patient_id).patient(patient_id),
    )
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok((user_id, patient_id))
}

/// Ends the caller's own session (this token only) and audits it.
#[tracing::instrument(skip_all)]
pub async fn logout(tx: TenantTx) -> ApiResult<()> {
    let caller = tx.caller().clone();
    store::revoke_session(&tx, &caller.session).await?;
    if let Some(h) = caller.hospital_id {
        tx.audit_write(h, AuditEntry::new("auth.logout", "session", caller.user_id))
            .await?;
    }
    tx.commit().await
}

/// The caller's own name, language and time zone, checked at the edge (None: unchanged).
pub struct ProfileUpdate {
    pub full_name: Option<String>,
    pub language: Option<String>,
    pub timezone: Option<String>,
}

/// Saves the caller's own profile changes.
#[tracing::instrument(skip_all)]
pub async fn update_profile(tx: TenantTx, update: ProfileUpdate) -> ApiResult<()> {
    let user = tx.caller().user_id;
    store::update_profile(
        &tx,
        user,
        update.full_name,
        update.language,
        update.timezone,
    )
    .await?;
    tx.commit().await
}
