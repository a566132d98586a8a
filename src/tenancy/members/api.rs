//! `/api/v1/staff` and `/api/v1/members`: accounts in a hospital (staff with other roles,
//! deactivation, admin-initiated password resets), and the caller's own password change that
//! `/api/v1/auth/password` answers. HTTP only: each handler names the ids it was given, asks
//! casbin for its permit and hands both to `service`.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    auth::BearerAuth,
    auth::permit as perm,
    error::ApiResult,
    ids::UserId,
    tenancy::members::{
        service,
        types::{Member, NewPassword, NewStaff, PasswordChange, StaffMember, TemporaryPassword},
    },
};

pub struct MembersApi;

#[derive(ApiResponse)]
pub enum StaffCreated {
    #[oai(status = 201)]
    Created(Json<StaffMember>),
}
#[derive(ApiResponse)]
pub enum MemberList {
    #[oai(status = 200)]
    Ok(Json<Listing<Member>>),
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
        let permit = tx.permit::<perm::Member, perm::Create>().await?;
        let (role, account) = body.0.parse();
        let member = service::create_staff(&state, tx, &permit, role, account).await?;
        Ok(StaffCreated::Created(Json(member)))
    }

    /// The hospital's staff: every member but patients, with role and whether active.
    ///
    /// Hospital admins only. Filter by `role` (`hospital_admin`, `doctor` or a custom role);
    /// ordered by user id, paged with `limit` and `cursor`.
    #[oai(path = "/members", method = "get", operation_id = "listMembers")]
    async fn list(
        &self,
        auth: BearerAuth,
        role: Query<Option<String>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<MemberList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Member, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list(tx, &permit, page, role.0).await?;
        Ok(MemberList::Ok(Json(listing)))
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Member, perm::Deactivate>().await?;
        service::deactivate(tx, &permit, UserId::from(user_id.0)).await?;
        Ok(MemberChanged::Done)
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Member, perm::Deactivate>().await?;
        service::reactivate(tx, &permit, UserId::from(user_id.0)).await?;
        Ok(MemberChanged::Done)
    }

    /// Reset a member's password to a temporary one, to be changed at the next sign-in.
    ///
    /// Hospital admins only. Answers the temporary password to hand to the person; every session of
    /// the account ends. 404 when the user is not a member of this hospital; 409 when the account
    /// also belongs to another hospital (or is a super admin's), since only its owner may then
    /// reset it; 422 for oneself (`POST /auth/password`); audited.
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
        let permit = tx.permit::<perm::Member, perm::ResetPassword>().await?;
        let temporary =
            service::reset_password(&state, tx, &permit, UserId::from(user_id.0)).await?;
        Ok(PasswordReset::Ok(Json(temporary)))
    }

    /// Clear a member's second factor (a lost phone): they sign in with their password alone
    /// until they enrol again.
    ///
    /// Hospital admins only, for members of their hospital (404 otherwise, also when the member
    /// has no second factor here; 422 for oneself). Every session of the member at this hospital
    /// ends; audited.
    #[oai(
        path = "/members/:user_id/reset-totp",
        method = "post",
        operation_id = "resetMemberTotp"
    )]
    async fn reset_totp(&self, auth: BearerAuth, user_id: Path<Uuid>) -> ApiResult<MemberChanged> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Member, perm::ResetTotp>().await?;
        service::reset_totp(tx, &permit, UserId::from(user_id.0)).await?;
        Ok(MemberChanged::Done)
    }
}

/// Changes the caller's password (`POST /api/v1/auth/password`); every other session of the
/// account ends.
pub async fn change_password(
    state: &AppState,
    auth: BearerAuth,
    body: PasswordChange,
) -> ApiResult<()> {
    let tx = auth.0;
    let change = NewPassword::parse(&tx.caller().email, body)?;
    service::change_password(state, tx, change).await
}
