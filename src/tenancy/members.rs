//! Accounts in a hospital: staff with other roles, deactivation, admin-initiated password resets.

use poem::web::Data;
use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, payload::Json};
use sea_orm::{ConnectionTrait, Value};
use secrecy::{ExposeSecret, SecretString};
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::stmt,
    error::{ApiError, ApiResult},
    tenancy::users::{NewMember, create_member},
};

pub struct MembersApi;

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewStaff {
    pub email: String,
    pub full_name: String,
    #[oai(write_only)]
    pub password: String,
    /// `hospital_admin` or one of this hospital's custom roles (doctors: POST /doctors).
    pub role: String,
}

#[derive(Object)]
pub struct StaffMember {
    pub user_id: Uuid,
    pub role: String,
}

#[derive(Object)]
pub struct TemporaryPassword {
    /// Give it to the person; they must change it at their next sign-in.
    pub temporary_password: String,
}

#[derive(ApiResponse)]
pub enum StaffCreated {
    #[oai(status = 201)]
    Created(Json<StaffMember>),
}
#[derive(ApiResponse)]
pub enum MemberChanged {
    /// Done.
    #[oai(status = 204)]
    Done,
}
#[derive(ApiResponse)]
pub enum PasswordReset {
    #[oai(status = 200)]
    Ok(Json<TemporaryPassword>),
}

async fn set_active(auth: BearerAuth, user_id: Uuid, active: bool) -> ApiResult<MemberChanged> {
    let tx = auth.0;
    tx.permit::<perm::Member, perm::Deactivate>().await?;
    let hospital = tx.caller().hospital()?;
    if user_id == tx.caller().user_id {
        return Err(ApiError::unprocessable("you cannot deactivate yourself"));
    }
    let found = tx
        .conn()
        .query_one_raw(stmt(
            "select admin_set_member_active($1, $2) as ok",
            [Value::from(user_id), active.into()],
        ))
        .await?
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false);
    if !found {
        return Err(ApiError::NotFound);
    }
    let action = if active {
        "member.reactivate"
    } else {
        "member.deactivate"
    };
    tx.audit_write(hospital, AuditEntry::new(action, "user", user_id))
        .await?;
    tx.commit().await?;
    Ok(MemberChanged::Done)
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Staff")]
impl MembersApi {
    /// Add a staff member with an admin or custom role (hospital admin).
    ///
    /// Hospital admins only. `role` is `hospital_admin` or one of this hospital's custom roles (422
    /// otherwise: doctors and patients have their own endpoints); the account signs in with the
    /// given password. 422 for an invalid email, name or password, 409 when the email already has
    /// an account (in any hospital); audited.
    #[oai(path = "/staff", method = "post", operation_id = "createStaff")]
    async fn create(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<NewStaff>,
    ) -> ApiResult<StaffCreated> {
        let tx = auth.0;
        tx.permit::<perm::Member, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let b = body.0;
        let role = b.role.trim().to_lowercase();
        let known = role == "hospital_admin"
            || tx
                .conn()
                .query_one_raw(stmt(
                    "select 1 from role_permission where role = $1 limit 1",
                    [role.clone().into()],
                ))
                .await?
                .is_some();
        if !known {
            return Err(ApiError::unprocessable(
                "role must be hospital_admin or one of this hospital's custom roles (doctors: POST /api/v1/doctors, patients: POST /api/v1/patients)",
            ));
        }
        let (member, tx) = tx
            .outside(
                &state,
                NewMember::parse(&state, &b.email, &b.full_name, b.password),
            )
            .await?;
        let user_id = create_member(&tx, hospital, member, &role).await?;
        tx.audit_write(hospital, AuditEntry::new("member.create", "user", user_id))
            .await?;
        tx.commit().await?;
        Ok(StaffCreated::Created(Json(StaffMember { user_id, role })))
    }

    /// Deactivate a member of this hospital: their sessions here end at once.
    ///
    /// Hospital admins only. The member cannot sign in to this hospital until reactivated;
    /// memberships in other hospitals are not affected. 404 when the user is not a member of this
    /// hospital, 422 for oneself; audited.
    #[oai(
        path = "/members/:user_id/deactivate",
        method = "post",
        operation_id = "deactivateMember"
    )]
    async fn deactivate(&self, auth: BearerAuth, user_id: Path<Uuid>) -> ApiResult<MemberChanged> {
        set_active(auth, user_id.0, false).await
    }

    /// Reactivate a member of this hospital.
    ///
    /// Hospital admins only. The member can sign in to this hospital again. 404 when the user is
    /// not a member of this hospital, 422 for oneself; audited.
    #[oai(
        path = "/members/:user_id/reactivate",
        method = "post",
        operation_id = "reactivateMember"
    )]
    async fn reactivate(&self, auth: BearerAuth, user_id: Path<Uuid>) -> ApiResult<MemberChanged> {
        set_active(auth, user_id.0, true).await
    }

    /// Reset a member's password to a temporary one, to be changed at the next sign-in.
    ///
    /// Hospital admins only. Answers the temporary password to hand to the person; every session of
    /// the account ends. 404 when the user is not a member of this hospital; 409 when the account
    /// also belongs to another hospital (or is a super admin's), since only its owner may then
    /// reset it; audited.
    #[oai(
        path = "/members/:user_id/reset-password",
        method = "post",
        operation_id = "resetMemberPassword"
    )]
    async fn reset_password(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        user_id: Path<Uuid>,
    ) -> ApiResult<PasswordReset> {
        let tx = auth.0;
        tx.permit::<perm::Member, perm::ResetPassword>().await?;
        let hospital = tx.caller().hospital()?;
        let temporary = crate::auth::token::generate()[..20].to_string();
        let (hash, tx) = tx
            .outside(
                &state,
                state.hasher.hash(&SecretString::from(temporary.clone())),
            )
            .await?;
        let res = tx
            .conn()
            .query_one_raw(stmt(
                "select admin_reset_password($1, $2) as ok",
                [Value::from(user_id.0), hash.into()],
            ))
            .await;
        let found = res?
            .map(|r| r.try_get::<bool>("", "ok"))
            .transpose()?
            .unwrap_or(false);
        if !found {
            return Err(ApiError::NotFound);
        }
        tx.audit_write(
            hospital,
            AuditEntry::new("member.reset_password", "user", user_id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(PasswordReset::Ok(Json(TemporaryPassword {
            temporary_password: temporary,
        })))
    }
}

/// The new password and the current one that proves it is the owner.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct PasswordChange {
    #[oai(write_only)]
    pub current_password: String,
    #[oai(write_only)]
    pub new_password: String,
}

/// Changes the caller's password; every other session of the account ends.
pub async fn change_password(
    state: &AppState,
    auth: BearerAuth,
    body: PasswordChange,
) -> ApiResult<()> {
    let tx = auth.0;
    let caller = tx.caller().clone();
    let email = crate::auth::types::Email::parse(&caller.email)?;
    let new = crate::auth::types::new_password(body.new_password, &email)?;
    if new.expose_secret() == body.current_password {
        return Err(ApiError::unprocessable(
            "the new password must differ from the current one",
        ));
    }
    let hash = tx
        .conn()
        .query_one_raw(stmt("select auth_own_password_hash() as h", []))
        .await?
        .and_then(|r| r.try_get::<Option<String>>("", "h").ok().flatten());
    let current = SecretString::from(body.current_password);
    let (new_hash, tx) = tx
        .outside(state, async {
            if !state.hasher.verify(&current, hash).await? {
                return Err(ApiError::ForbiddenBecause(
                    "the current password is not correct",
                ));
            }
            state.hasher.hash(&new).await
        })
        .await?;
    tx.conn()
        .execute_raw(stmt(
            "select auth_change_password($1, $2)",
            [
                Value::from(new_hash),
                caller.session.as_bytes().to_vec().into(),
            ],
        ))
        .await?;
    if let Some(h) = caller.hospital_id {
        tx.audit_write(
            h,
            AuditEntry::new("auth.password_change", "user", caller.user_id),
        )
        .await?;
    }
    tx.commit().await
}
