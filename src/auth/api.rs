use chrono::{DateTime, NaiveDate, Utc};
use poem::web::Data;
use poem_openapi::{ApiResponse, Object, OpenApi, payload::Json};
use secrecy::SecretString;
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::AuditEntry,
    auth::{
        BearerAuth, service,
        types::{Email, full_name, new_password},
    },
    db::{RequestMeta, stmt},
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
    pub hospital: Option<String>,
}

/// A new session.
#[derive(Object)]
pub struct LoginResponse {
    /// Opaque bearer token (256 bits). Send it as `Authorization: Bearer <token>`.
    pub token: String,
    /// The session ends at this time at the latest (it also ends after 30 idle minutes).
    pub expires_at: DateTime<Utc>,
    pub user_id: Uuid,
    pub role: String,
    /// Null for a super admin.
    pub hospital_id: Option<Uuid>,
}

#[derive(Object)]
pub struct Me {
    pub user_id: Uuid,
    pub email: String,
    pub full_name: String,
    pub role: String,
    pub hospital_id: Option<Uuid>,
    pub hospital_slug: Option<String>,
    /// The account must change its password before anything else.
    pub must_change_password: bool,
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
    pub date_of_birth: Option<NaiveDate>,
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
        let s = service::login(
            &state,
            &body.email,
            SecretString::from(body.password),
            body.hospital.as_deref(),
            &meta,
        )
        .await?;
        Ok(LoginAnswer::Ok(Json(LoginResponse {
            token: s.token,
            expires_at: s.expires_at,
            user_id: s.user_id,
            role: s.role,
            hospital_id: s.hospital_id,
        })))
    }

    /// Who am I.
    #[oai(path = "/me", method = "get", operation_id = "me")]
    async fn me(&self, auth: BearerAuth) -> ApiResult<MeAnswer> {
        let tx = auth.0;
        let c = tx.caller().clone();
        tx.commit().await?;
        Ok(MeAnswer::Ok(Json(Me {
            user_id: c.user_id,
            email: c.email,
            full_name: c.full_name,
            role: c.role,
            hospital_id: c.hospital_id,
            hospital_slug: c.hospital_slug,
            must_change_password: c.must_change_password,
        })))
    }

    /// Sign out: the session is revoked on the server.
    #[oai(path = "/logout", method = "post", operation_id = "logout")]
    async fn logout(&self, auth: BearerAuth) -> ApiResult<LogoutAnswer> {
        let tx = auth.0;
        let caller = tx.caller().clone();
        use sea_orm::ConnectionTrait;
        tx.conn()
            .execute_raw(stmt(
                "select auth_revoke_session($1)",
                [caller.session.as_bytes().to_vec().into()],
            ))
            .await?;
        if let Some(h) = caller.hospital_id {
            tx.audit_write(h, AuditEntry::new("auth.logout", "session", caller.user_id))
                .await?;
        }
        tx.commit().await?;
        Ok(LogoutAnswer::Done)
    }

    /// Change one's own password (also the way out of a forced change after a reset).
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
            date_of_birth: body.date_of_birth,
            phone: body
                .phone
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
        };
        if let Some(p) = &reg.phone
            && (p.len() > 32 || !p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)))
        {
            return Err(ApiError::unprocessable(
                "phone may hold digits, spaces and + - ( ) only",
            ));
        }
        let (user_id, patient_id) = service::register(&state, reg, &meta).await?;
        Ok(RegisterAnswer::Created(Json(Registered {
            user_id,
            patient_id,
        })))
    }
}
