//! The members domain's SQL, all of it. Statements run in the caller's transaction; the
//! account changes go through the narrow definer functions that check the caller is this
//! hospital's admin and the user a member here.

use sea_orm::{ConnectionTrait, Value};

use crate::{
    app::paging::{Listing, Page},
    db::{TenantTx, stmt},
    error::ApiResult,
    ids::UserId,
    tenancy::members::types::Member,
};

/// One page of the hospital's staff (every member but patients), by user id; `role` narrows it.
pub async fn staff(tx: &TenantTx, page: &Page, role: Option<String>) -> ApiResult<Listing<Member>> {
    page.list(
        tx,
        "select m.user_id, u.full_name, u.email, m.role, m.active, m.created_at as joined_at
           from membership m join app_user u on u.id = m.user_id",
        "m.user_id",
        "and m.role <> 'patient' and ($3::text is null or m.role = $3)",
        vec![role.into()],
        |m: &Member| m.user_id,
    )
    .await
}

/// Whether the hospital defines the custom role `name`.
pub async fn role_defined(tx: &TenantTx, name: &str) -> ApiResult<bool> {
    Ok(tx
        .conn()
        .query_one_raw(stmt(
            "select 1 from role_permission where role = $1 limit 1",
            [name.into()],
        ))
        .await?
        .is_some())
}

/// Sets a member's `active`; false when the user is not a member of this hospital.
pub async fn set_active(tx: &TenantTx, user: UserId, active: bool) -> ApiResult<bool> {
    Ok(tx
        .conn()
        .query_one_raw(stmt(
            "select admin_set_member_active($1, $2) as ok",
            [Value::from(user), active.into()],
        ))
        .await?
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false))
}

/// Gives a member a temporary password (and ends their sessions); false when the user is not a
/// member of this hospital.
pub async fn reset_password(tx: &TenantTx, user: UserId, hash: String) -> ApiResult<bool> {
    let res = tx
        .conn()
        .query_one_raw(stmt(
            "select admin_reset_password($1, $2) as ok",
            [Value::from(user), hash.into()],
        ))
        .await;
    Ok(res?
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false))
}

/// The caller's own password hash, if the account has one.
pub async fn own_password_hash(tx: &TenantTx) -> ApiResult<Option<String>> {
    Ok(tx
        .conn()
        .query_one_raw(stmt("select auth_own_password_hash() as h", []))
        .await?
        .and_then(|r| r.try_get::<Option<String>>("", "h").ok().flatten()))
}

/// Sets the caller's password; every session of the account but `session` ends.
pub async fn change_password(tx: &TenantTx, hash: String, session: &[u8]) -> ApiResult<()> {
    tx.conn()
        .execute_raw(stmt(
            "select auth_change_password($1, $2)",
            [Value::from(hash), session.to_vec().into()],
        ))
        .await?;
    Ok(())
}
