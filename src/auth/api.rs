use chrono::{DateTime, NaiveDate, Utc};
use poem::web::Data;
use poem_openapi::{ApiResponse, Object, OpenApi, payload::Json};
use secrecy::SecretString;
use uuid::Uuid;

use crate::{
    app::AppState,
    app::fields,
    auth::{
        BearerAuth, BearerCaller, service, two_factor,
        types::{Email, full_name, new_password},
    },
    db::RequestMeta,
    error::{ApiError, ApiResult},
};

pub struct AuthApi;

/// Credentials. `hospital` (a slug) may be left out by super admins and by accounts that
/// belong to one hospital only.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    #[oai(write_only)]
    pub password: String,
    #[oai(nullable)]
    pub hospital: Option<String>,
}

/// A new session; or, for an account with two-factor sign-in on, no token yet but
/// `second_factor: "totp"` and a `challenge` for `POST /api/v1/auth/login/totp`.
#[derive(Object)]
pub struct LoginResponse {
    /// Opaque bearer token (256 bits). Send it as `Authorization: Bearer <token>`. Null when a
    /// second factor is still needed.
    #[oai(nullable)]
    pub token: Option<String>,
    /// The session ends at this time at the latest (it also ends after 30 idle minutes).
    #[oai(nullable)]
    pub expires_at: Option<DateTime<Utc>>,
    /// `totp` when the code step must follow; null once signed in.
    #[oai(nullable)]
    pub second_factor: Option<String>,
    /// Single use, valid five minutes (five tries): pass it with the code.
    #[oai(nullable)]
    pub challenge: Option<String>,
    pub user_id: Uuid,
    pub role: String,
    /// Null for a super admin.
    #[oai(nullable)]
    pub hospital_id: Option<Uuid>,
    /// The hospital requires two-factor sign-in of its staff and this account has none yet: the
    /// session may only enrol (`POST /api/v1/auth/totp`, then `/confirm`) until it is on.
    pub must_enrol_totp: bool,
}

impl LoginResponse {
    fn session(s: service::Session) -> Self {
        Self {
            token: Some(s.token),
            expires_at: Some(s.expires_at),
            second_factor: None,
            challenge: None,
            user_id: s.user_id,
            role: s.role,
            hospital_id: s.hospital_id,
            must_enrol_totp: s.must_enrol_totp,
        }
    }
}

/// The code step: the password step's `challenge` and either a six-digit `code` or a
/// `recovery_code`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct TotpLogin {
    pub challenge: String,
    #[oai(nullable)]
    pub code: Option<String>,
    #[oai(nullable)]
    pub recovery_code: Option<String>,
}

/// A new TOTP secret.
#[derive(Object)]
pub struct TotpSecret {
    /// Base32, for typing into an authenticator app.
    pub secret: String,
    pub otpauth_uri: String,
    /// The URI as a QR code.
    pub qr_svg: String,
}

/// A code from the authenticator app.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct TotpCode {
    pub code: String,
}

/// Two-factor sign-in is on. The recovery codes are shown this once; each works once instead
/// of a code.
#[derive(Object)]
pub struct TotpConfirmation {
    pub recovery_codes: Vec<String>,
}

#[derive(ApiResponse)]
pub enum TotpEnrolled {
    #[oai(status = 201)]
    Created(Json<TotpSecret>),
}

#[derive(ApiResponse)]
pub enum TotpConfirmed {
    #[oai(status = 200)]
    Ok(Json<TotpConfirmation>),
}

#[derive(Object)]
pub struct Me {
    pub user_id: Uuid,
    pub email: String,
    pub full_name: String,
    pub role: String,
    #[oai(nullable)]
    pub hospital_id: Option<Uuid>,
    #[oai(nullable)]
    pub hospital_slug: Option<String>,
    /// The account must change its password before anything else.
    pub must_change_password: bool,
    /// The hospital requires two-factor sign-in of its staff and this account has none yet: it
    /// must enrol (`POST /api/v1/auth/totp`, then `/confirm`) before anything else.
    pub must_enrol_totp: bool,
    /// What the caller's role may do, as `object:action` (`prescription:dispense`,
    /// `appointment:approve`, …): for a client to show what applies. The server still checks
    /// every call.
    pub permissions: Vec<String>,
}

/// Patient self-registration. Only ever creates a patient.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct RegisterRequest {
    /// The hospital's slug.
    pub hospital: String,
    pub email: String,
    /// At least 12 characters.
    #[oai(write_only)]
    pub password: String,
    pub full_name: String,
    #[oai(nullable)]
    pub date_of_birth: Option<NaiveDate>,
    #[oai(nullable)]
    pub phone: Option<String>,
}

#[derive(Object)]
pub struct Registered {
    pub user_id: Uuid,
    pub patient_id: Uuid,
}

#[derive(ApiResponse)]
pub enum LoginAnswer {
    /// Signed in.
    #[oai(status = 200)]
    Ok(Json<LoginResponse>),
}

#[derive(ApiResponse)]
pub enum MeAnswer {
    #[oai(status = 200)]
    Ok(Json<Me>),
}

#[derive(ApiResponse)]
pub enum LogoutAnswer {
    /// Signed out; the token answers 401 from now on.
    #[oai(status = 204)]
    Done,
}

#[derive(ApiResponse)]
pub enum PasswordChanged {
    /// Changed; every other session of the account has ended.
    #[oai(status = 204)]
    Done,
}

/// Ask for a password reset link by email.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ResetRequest {
    pub email: String,
}

/// Set a new password with the token from the reset email.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ResetCompletion {
    pub token: String,
    #[oai(write_only)]
    pub new_password: String,
}

/// Changes to one's own profile.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ProfilePatch {
    #[oai(nullable)]
    pub full_name: Option<String>,
    /// `en` or `ne`: the language of emails and notifications.
    #[oai(nullable)]
    pub language: Option<String>,
    /// IANA zone in which emails show times (default: the hospital's).
    #[oai(nullable)]
    pub timezone: Option<String>,
}

#[derive(ApiResponse)]
pub enum ResetAccepted {
    /// If the email has an account, a link is on its way (the answer is the same either way).
    #[oai(status = 202)]
    Accepted,
}

#[derive(ApiResponse)]
pub enum ResetDone {
    /// The password is set; every session of the account has ended.
    #[oai(status = 204)]
    Done,
}

#[derive(ApiResponse)]
pub enum RegisterAnswer {
    /// Registered as a patient.
    #[oai(status = 201)]
    Created(Json<Registered>),
}

#[OpenApi(prefix_path = "/api/v1/auth", tag = "crate::app::server::Tag::Auth")]
impl AuthApi {
    /// Sign in.
    ///
    /// Unknown email and wrong password get the same 401. Repeated failures are throttled
    /// per account and per client address (429 with Retry-After).
    #[oai(path = "/login", method = "post", operation_id = "login")]
    async fn login(
        &self,
        state: Data<&AppState>,
        body: Json<LoginRequest>,
        meta: Data<&RequestMeta>,
    ) -> ApiResult<LoginAnswer> {
        let body = body.0;
        let login = service::login(
            &state,
            &body.email,
            SecretString::from(body.password),
            body.hospital.as_deref(),
            &meta,
        )
        .await?;
        Ok(LoginAnswer::Ok(Json(match login {
            service::Login::Session(s) => LoginResponse::session(s),
            service::Login::SecondFactor {
                challenge,
                user_id,
                role,
                hospital_id,
            } => LoginResponse {
                token: None,
                expires_at: None,
                second_factor: Some("totp".into()),
                challenge: Some(challenge),
                user_id,
                role,
                hospital_id,
                must_enrol_totp: false,
            },
        })))
    }

    /// Sign in, second step: the challenge of the password step and a code from the
    /// authenticator app (or one unused recovery code).
    ///
    /// A code is accepted once; a wrong one counts toward the same throttle as wrong passwords
    /// (429). The challenge is single use, valid five minutes and five tries (401 after).
    #[oai(path = "/login/totp", method = "post", operation_id = "loginTotp")]
    async fn login_totp(
        &self,
        state: Data<&AppState>,
        body: Json<TotpLogin>,
        meta: Data<&RequestMeta>,
    ) -> ApiResult<LoginAnswer> {
        let b = body.0;
        let proof = match (b.code, b.recovery_code) {
            (Some(c), None) => two_factor::Proof::Code(c),
            (None, Some(r)) => two_factor::Proof::Recovery(r),
            _ => {
                return Err(ApiError::unprocessable(
                    "send either a code or a recovery_code",
                ));
            }
        };
        let s = two_factor::sign_in(&state, &b.challenge, proof, &meta).await?;
        Ok(LoginAnswer::Ok(Json(LoginResponse::session(s))))
    }

    /// Turn on two-factor sign-in: a new TOTP secret, to scan into an authenticator app.
    ///
    /// Any signed-in account. Answers the secret (base32), its `otpauth://` URI and the URI as a
    /// QR code (SVG). Nothing changes at sign-in until `POST /api/v1/auth/totp/confirm` with a
    /// first code; 409 when two-factor sign-in is already on (an admin can reset it).
    #[oai(path = "/totp", method = "post", operation_id = "enrolTotp")]
    async fn enrol_totp(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
    ) -> ApiResult<TotpEnrolled> {
        let e = two_factor::enrol(&state, auth.0).await?;
        Ok(TotpEnrolled::Created(Json(TotpSecret {
            secret: e.secret,
            otpauth_uri: e.otpauth_uri,
            qr_svg: e.qr_svg,
        })))
    }

    /// Confirm two-factor sign-in with a first code; answers ten single-use recovery codes.
    ///
    /// The recovery codes are shown this once (only their hashes are kept). 422 for a code that
    /// does not match; 409 when nothing is pending or it is already on.
    #[oai(path = "/totp/confirm", method = "post", operation_id = "confirmTotp")]
    async fn confirm_totp(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<TotpCode>,
    ) -> ApiResult<TotpConfirmed> {
        let codes = two_factor::confirm(&state, auth.0, &body.0.code).await?;
        Ok(TotpConfirmed::Ok(Json(TotpConfirmation {
            recovery_codes: codes,
        })))
    }

    /// Who am I.
    ///
    /// Any signed-in caller, also a super admin and an account that must change its password first.
    /// Answers the user id, email, name, role, hospital id and slug (null for a super admin),
    /// `must_change_password`, `must_enrol_totp` and the role's `permissions`; 401 for a missing,
    /// invalid, expired or revoked token.
    #[oai(path = "/me", method = "get", operation_id = "me")]
    async fn me(&self, state: Data<&AppState>, auth: BearerCaller) -> ApiResult<MeAnswer> {
        let c = auth.0;
        let permissions = state.authz.granted(&c).await?;
        Ok(MeAnswer::Ok(Json(Me {
            user_id: c.user_id,
            email: c.email,
            full_name: c.full_name,
            role: c.role,
            hospital_id: c.hospital_id,
            hospital_slug: c.hospital_slug,
            must_change_password: c.must_change_password,
            must_enrol_totp: c.must_enrol_totp,
            permissions,
        })))
    }

    /// Sign out: the session is revoked on the server.
    ///
    /// Any signed-in caller. Only this token's session ends (the account's other sessions stay
    /// open), and the token answers 401 from then on; recorded in the audit trail of the caller's
    /// hospital.
    #[oai(path = "/logout", method = "post", operation_id = "logout")]
    async fn logout(&self, auth: BearerAuth) -> ApiResult<LogoutAnswer> {
        service::logout(auth.0).await?;
        Ok(LogoutAnswer::Done)
    }

    /// Change one's own password (also the way out of a forced change after a reset).
    ///
    /// Any signed-in caller, also one who must change their password before anything else. 403 when
    /// `current_password` is wrong; 422 when the new password has fewer than 12 or more than 256
    /// characters, is the email address or equals the current one. Every other session of the
    /// account ends (this one stays), the forced change is cleared and the change is audited.
    #[oai(path = "/password", method = "post", operation_id = "changePassword")]
    async fn change_password(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<crate::tenancy::members::PasswordChange>,
    ) -> ApiResult<PasswordChanged> {
        crate::tenancy::members::change_password(&state, auth, body.0).await?;
        Ok(PasswordChanged::Done)
    }

    /// Update one's own name, language or time zone.
    ///
    /// Any signed-in caller; fields left out stay as they are, and the answer is the updated
    /// profile. 422 when `full_name` is not 1 to 200 printable characters, `language` is not `en`
    /// or `ne`, or `timezone` is not an IANA zone. Language and time zone apply to the caller's
    /// emails and in-app notifications.
    #[oai(path = "/me", method = "patch", operation_id = "updateMe")]
    async fn update_me(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<ProfilePatch>,
    ) -> ApiResult<MeAnswer> {
        let tx = auth.0;
        let b = body.0;
        let name = b.full_name.as_deref().map(full_name).transpose()?;
        if let Some(l) = &b.language
            && !["en", "ne"].contains(&l.as_str())
        {
            return Err(ApiError::unprocessable("language must be en or ne"));
        }
        if let Some(tz) = &b.timezone
            && tz.parse::<chrono_tz::Tz>().is_err()
        {
            return Err(ApiError::unprocessable(
                "timezone must be an IANA zone such as Asia/Kathmandu",
            ));
        }
        let c = tx.caller().clone();
        let permissions = state.authz.granted(&c).await?;
        let update = service::ProfileUpdate {
            full_name: name.clone(),
            language: b.language,
            timezone: b.timezone,
        };
        service::update_profile(tx, update).await?;
        Ok(MeAnswer::Ok(Json(Me {
            user_id: c.user_id,
            email: c.email,
            full_name: name.unwrap_or(c.full_name),
            role: c.role,
            hospital_id: c.hospital_id,
            hospital_slug: c.hospital_slug,
            must_change_password: c.must_change_password,
            must_enrol_totp: c.must_enrol_totp,
            permissions,
        })))
    }

    /// Ask for a password reset email (same answer whether the email has an account or not).
    ///
    /// Public, no sign-in. Always 202 after the same work whatever the address; an active account
    /// then gets an email with a single-use link valid for 30 minutes, and its older links stop
    /// working. Limited per client address (`PASSWORD_RESETS_PER_IP_PER_HOUR`, then 429 with
    /// Retry-After).
    #[oai(
        path = "/password-reset",
        method = "post",
        operation_id = "requestPasswordReset"
    )]
    async fn reset_request(
        &self,
        state: Data<&AppState>,
        body: Json<ResetRequest>,
        meta: Data<&RequestMeta>,
    ) -> ApiResult<ResetAccepted> {
        crate::auth::reset::request(&state, &body.0.email, &meta).await?;
        Ok(ResetAccepted::Accepted)
    }

    /// Complete a password reset with the emailed token (single use, 30 minutes).
    ///
    /// Public, no sign-in. 422 when the token is unknown, used or expired, or the new password
    /// breaks the rules (12 to 256 characters, not the email address). On success (204) the
    /// password is set, a forced change is cleared and every session of the account ends.
    #[oai(
        path = "/password-reset/complete",
        method = "post",
        operation_id = "completePasswordReset"
    )]
    async fn reset_complete(
        &self,
        state: Data<&AppState>,
        body: Json<ResetCompletion>,
    ) -> ApiResult<ResetDone> {
        let b = body.0;
        crate::auth::reset::complete(&state, &b.token, b.new_password).await?;
        Ok(ResetDone::Done)
    }

    /// Register as a patient of a hospital.
    ///
    /// An email that already has an account joins this hospital only with that account's
    /// password; otherwise 409.
    #[oai(path = "/register", method = "post", operation_id = "register")]
    async fn register(
        &self,
        state: Data<&AppState>,
        body: Json<RegisterRequest>,
        meta: Data<&RequestMeta>,
    ) -> ApiResult<RegisterAnswer> {
        let body = body.0;
        let email = Email::parse(&body.email)?;
        let reg = service::Registration {
            hospital: body.hospital.trim().to_lowercase(),
            password: new_password(body.password, &email)?,
            email,
            full_name: full_name(&body.full_name)?,
            date_of_birth: fields::date_of_birth(body.date_of_birth)?,
            phone: fields::phone(body.phone)?,
        };
        let (user_id, patient_id) = service::register(&state, reg, &meta).await?;
        Ok(RegisterAnswer::Created(Json(Registered {
            user_id,
            patient_id,
        })))
    }
}
