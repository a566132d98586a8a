//! Two-factor sign-in (TOTP, RFC 6238: HMAC-SHA1, six digits, 30-second steps, one step of
//! drift either way) with `totp-rs`: enrolment, its confirmation with ten single-use recovery
//! codes, and the code step of sign-in.
//!
//! A second factor belongs to a membership (the platform's for a super admin). Its secret is
//! 256 random bits wrapped with the hospital's key (`records::keys`, re-wrapped on rotation;
//! the master key for a super admin). A code is accepted once: the newest accepted step is
//! stored, and only a newer one passes. Wrong codes are throttled per account and per address
//! with the password step's limits but on counters of their own (`totp`), apart from wrong
//! passwords'.
//!
//! Time is read from `config.clock` (the system clock, unless a test holds it): both the
//! codes' steps and the challenges' expiry, which the database is told rather than asked.

use qrcode::{QrCode, render::svg};
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::AuditEntry,
    auth::{
        service::{self, Session},
        store,
        throttle::Throttle,
        token::{self, TokenHash},
    },
    crypto::{SecretKey, totp_aad},
    db::{RequestMeta, TenantTx},
    error::{ApiError, ApiResult},
    records::keys,
};

/// The name authenticator apps show.
pub const ISSUER: &str = "carebridge";
/// How long the password step's challenge lasts.
const CHALLENGE_SECONDS: i32 = 300;
const RECOVERY_CODES: usize = 10;

/// What enrolment answers: the secret three ways.
pub struct Enrolment {
    pub secret: String,
    pub otpauth_uri: String,
    pub qr_svg: String,
}

fn totp(secret: &[u8], account: &str) -> ApiResult<Totp> {
    Builder::new()
        .with_secret(Secret::new(secret.to_vec().into_boxed_slice()))
        .with_account_name(account.replace(':', ""))
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("totp: {e}")))
}

/// The time step `code` belongs to at unix time `now` (the current step or one either side),
/// or None.
pub fn check(secret: &[u8], code: &str, now: u64) -> Option<u64> {
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    totp(secret, "x").ok()?.check(code, now)
}

/// Ten recovery codes, `xxxxx-xxxxx` from an alphabet without look-alikes (50 bits each).
fn recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut raw = [0u8; 10];
            OsRng.fill_bytes(&mut raw);
            let chars: String = raw
                .iter()
                .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// What is stored of a recovery code: SHA-256 of it without case, spaces or dashes.
pub fn recovery_hash(code: &str) -> [u8; 32] {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Sha256::digest(normal.as_bytes()).into()
}

fn qr_svg(uri: &str) -> ApiResult<String> {
    let code =
        QrCode::new(uri.as_bytes()).map_err(|e| ApiError::Internal(anyhow::anyhow!("qr: {e}")))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build())
}

/// The key a membership's secret is wrapped with, now: (owner id, version, key).
async fn wrapping_key(
    state: &AppState,
    tx: &TenantTx,
    hospital: Option<Uuid>,
) -> ApiResult<(Uuid, i32, SecretKey)> {
    match hospital {
        Some(h) => {
            let (version, kek) = keys::active(tx.conn(), &state.vault.master, h).await?;
            Ok((h, version, kek))
        }
        None => Ok((Uuid::nil(), 0, (*state.vault.master).clone())),
    }
}

/// Opens a stored secret (`conn` must see the hospital's keys: the member's own context).
async fn unwrap(
    state: &AppState,
    conn: &impl sea_orm::ConnectionTrait,
    hospital: Option<Uuid>,
    user: Uuid,
    stored: &store::WrappedSecret,
) -> ApiResult<SecretKey> {
    let (owner, kek) = match hospital {
        Some(h) => (
            h,
            keys::at_version(conn, &state.vault.master, h, stored.key_version).await?,
        ),
        None => (Uuid::nil(), (*state.vault.master).clone()),
    };
    kek.unwrap_key(
        &stored.secret_wrapped,
        &totp_aad(owner, user, stored.key_version),
    )
    .map_err(|_| ApiError::Integrity("a second factor's secret does not decrypt"))
}

/// Starts enrolment for the caller (any signed-in account): a new secret, pending until a first
/// code confirms it; 409 when a second factor is already on.
#[tracing::instrument(skip_all)]
pub async fn enrol(state: &AppState, tx: TenantTx) -> ApiResult<Enrolment> {
    let (user, hospital) = (tx.caller().user_id, tx.caller().hospital_id);
    let secret = SecretKey::generate();
    let (owner, version, kek) = wrapping_key(state, &tx, hospital).await?;
    let wrapped = kek.wrap(&secret, &totp_aad(owner, user, version));
    store::totp_enrol(&tx, wrapped, version).await?;
    if let Some(h) = hospital {
        tx.audit_write(h, AuditEntry::new("auth.totp.enrol", "user", user))
            .await?;
    }
    let t = totp(secret.expose(), &tx.caller().email)?;
    tx.commit().await?;
    let otpauth_uri = t
        .to_url()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("otpauth: {e}")))?;
    Ok(Enrolment {
        secret: t.secret().to_base32(),
        qr_svg: qr_svg(&otpauth_uri)?,
        otpauth_uri,
    })
}

/// Confirms enrolment with a first code; answers the ten recovery codes (shown this once).
#[tracing::instrument(skip_all)]
pub async fn confirm(state: &AppState, tx: TenantTx, code: &str) -> ApiResult<Vec<String>> {
    let (user, hospital) = (tx.caller().user_id, tx.caller().hospital_id);
    let own = store::totp_own(&tx)
        .await?
        .ok_or_else(|| ApiError::conflict("start enrolment first (POST /api/v1/auth/totp)"))?;
    if own.confirmed {
        return Err(ApiError::conflict("two-factor sign-in is already on"));
    }
    let stored = store::WrappedSecret {
        secret_wrapped: own.secret_wrapped,
        key_version: own.key_version,
    };
    let secret = unwrap(state, tx.conn(), hospital, user, &stored).await?;
    let step = check(secret.expose(), code, state.config.clock.unix()).ok_or_else(|| {
        ApiError::unprocessable("the code does not match; check the authenticator's clock")
    })?;
    let codes = recovery_codes();
    let hashes = codes.iter().map(|c| recovery_hash(c).to_vec()).collect();
    if !store::totp_confirm(&tx, i64::try_from(step).unwrap_or(i64::MAX), hashes).await? {
        return Err(ApiError::conflict("two-factor sign-in is already on"));
    }
    if let Some(h) = hospital {
        tx.audit_write(h, AuditEntry::new("auth.totp.confirm", "user", user))
            .await?;
    }
    tx.commit().await?;
    Ok(codes)
}

/// The password step's answer for an account with a second factor: a challenge (or None when it
/// has none, and a session may be opened).
pub async fn challenge_if_on(
    state: &AppState,
    user: Uuid,
    hospital: Option<Uuid>,
    role: &str,
) -> ApiResult<Option<String>> {
    if store::totp_for_login(&state.system, hospital, user)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let challenge = token::generate();
    store::challenge_create(
        &state.system,
        &TokenHash::of(&challenge),
        user,
        hospital,
        role,
        state.config.clock.now(),
        CHALLENGE_SECONDS,
    )
    .await?;
    Ok(Some(challenge))
}

/// What the code step names: a code or a recovery code.
pub enum Proof {
    Code(String),
    Recovery(String),
}

const BAD_CODE: &str = "the code is wrong, already used, or the challenge has expired";

/// The code step of sign-in: the challenge (single use, five minutes, five tries) and a code
/// (accepted once) or an unused recovery code; then a session as the password step would have
/// opened. Wrong codes are throttled (429) with the password limits on counters of their own.
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    state: &AppState,
    challenge: &str,
    proof: Proof,
    meta: &RequestMeta,
) -> ApiResult<Session> {
    let hash = TokenHash::of(challenge);
    let c = store::challenge_try(&state.system, &hash, state.config.clock.now())
        .await?
        .ok_or(ApiError::Unauthorized(BAD_CODE))?;
    let mut throttle = Throttle::for_user(
        state.redis.clone(),
        &state.config,
        "totp",
        c.user_id,
        meta.ip,
    );
    throttle.check().await?;
    if !proven(state, &c, proof).await? {
        throttle.record_failure().await?;
        return Err(ApiError::Unauthorized(BAD_CODE));
    }
    throttle.clear_account().await?;
    store::challenge_done(&state.system, &hash).await?;
    service::open_session(state, c.user_id, c.hospital_id, c.role, meta).await
}

/// Whether the proof holds for the challenge's membership (using it up when it does).
async fn proven(state: &AppState, c: &store::Challenge, proof: Proof) -> ApiResult<bool> {
    let Some(stored) = store::totp_for_login(&state.system, c.hospital_id, c.user_id).await? else {
        return Ok(false);
    };
    match proof {
        Proof::Recovery(code) => {
            store::use_recovery(
                &state.system,
                c.hospital_id,
                c.user_id,
                recovery_hash(&code),
            )
            .await
        }
        Proof::Code(code) => {
            let secret = match c.hospital_id {
                Some(h) => {
                    let txn = crate::db::system_tx(&state.system, h).await?;
                    unwrap(state, &txn, Some(h), c.user_id, &stored).await?
                }
                None => unwrap(state, &state.system, None, c.user_id, &stored).await?,
            };
            match check(secret.expose(), &code, state.config.clock.unix()) {
                Some(step) => {
                    let step = i64::try_from(step).unwrap_or(i64::MAX);
                    store::accept_step(&state.system, c.hospital_id, c.user_id, step).await
                }
                None => Ok(false),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_rfc_6238_and_one_step_of_drift() {
        // RFC 6238 appendix B, SHA-1: the secret "12345678901234567890", T = 59 s gives
        // 94287082 in eight digits, so 287082 in six.
        let secret = b"12345678901234567890";
        assert_eq!(check(secret, "287082", 59), Some(1));
        // One step either side is accepted; two are not.
        assert_eq!(check(secret, "287082", 59 + 30), Some(1));
        assert_eq!(check(secret, "287082", 59 + 60), None);
        assert_eq!(check(secret, "28708", 59), None);
        assert_eq!(check(secret, "2870a2", 59), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_hash_without_case_or_dashes() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), 10);
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), 10);
        assert_eq!(codes[0].len(), 11);
        assert_eq!(
            recovery_hash(&codes[0]),
            recovery_hash(&codes[0].to_uppercase().replace('-', " "))
        );
        assert_ne!(recovery_hash(&codes[0]), recovery_hash(&codes[1]));
    }
}
