//! The members domain's rules and transactions: staff accounts, deactivation and passwords.
//! Each function takes the request's transaction and (but for one's own password) the permit
//! casbin gave for what it does, and commits when it is done; the SQL is in `store`. Passwords
//! are hashed with no transaction open (`TenantTx::outside`).

use secrecy::SecretString;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{HospitalId, UserId},
    tenancy::{
        members::{
            store,
            types::{Member, NewPassword, StaffMember, StaffRole, TemporaryPassword},
        },
        users::{Account, create_member},
    },
};

/// Adds a staff member: 422 unless the role is `hospital_admin` or one of the hospital's custom
/// roles, then for the account's fields (checked and hashed with no transaction open); 409 when
/// the email has an account. Audited.
#[tracing::instrument(skip_all)]
pub async fn create_staff(
    state: &AppState,
    tx: TenantTx,
    _: &Permit<perm::Member, perm::Create>,
    role: StaffRole,
    account: Account,
) -> ApiResult<StaffMember> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let known = match &role {
        StaffRole::HospitalAdmin => true,
        StaffRole::Custom(name) => store::role_defined(&tx, name).await?,
    };
    if !known {
        return Err(ApiError::unprocessable(
            "role must be hospital_admin or one of this hospital's custom roles (doctors: POST /api/v1/doctors, patients: POST /api/v1/patients)",
        ));
    }
    let (member, tx) = tx.outside(state, account.checked(state)).await?;
    let user_id = create_member(&tx, hospital, member, role.as_str()).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("member.create", "user", user_id.uuid()),
    )
    .await?;
    tx.commit().await?;
    Ok(StaffMember {
        user_id: user_id.uuid(),
        role: role.as_str().to_string(),
    })
}

/// 422 when `user` is the caller: an admin's account actions are for others (locking oneself
/// out, or ending one's own sessions by mistake, helps nobody).
fn not_oneself(tx: &TenantTx, user: UserId, why: &'static str) -> ApiResult<()> {
    if user.uuid() == tx.caller().user_id {
        return Err(ApiError::unprocessable(why));
    }
    Ok(())
}

/// 422 for oneself, 404 for a user who is not a member here; audited.
async fn set_active(tx: TenantTx, user: UserId, active: bool) -> ApiResult<()> {
    let hospital = tx.caller().hospital()?;
    not_oneself(&tx, user, "you cannot deactivate yourself")?;
    if !store::set_active(&tx, user, active).await? {
        return Err(ApiError::NotFound);
    }
    let action = if active {
        "member.reactivate"
    } else {
        "member.deactivate"
    };
    tx.audit_write(hospital, AuditEntry::new(action, "user", user.uuid()))
        .await?;
    tx.commit().await
}

/// A page of the hospital's staff with their roles and whether they are active (no patients:
/// they are listed under `/patients`).
#[tracing::instrument(skip_all)]
pub async fn list(
    tx: TenantTx,
    _: &Permit<perm::Member, perm::List>,
    page: Page,
    role: Option<String>,
) -> ApiResult<Listing<Member>> {
    let listing = store::staff(&tx, &page, role).await?;
    tx.commit().await?;
    Ok(listing)
}

/// Deactivates a member of this hospital; their sessions here end at once.
#[tracing::instrument(skip_all, fields(user = %user))]
pub async fn deactivate(
    tx: TenantTx,
    _: &Permit<perm::Member, perm::Deactivate>,
    user: UserId,
) -> ApiResult<()> {
    set_active(tx, user, false).await
}

/// Reactivates a member of this hospital (the same permit as deactivating).
#[tracing::instrument(skip_all, fields(user = %user))]
pub async fn reactivate(
    tx: TenantTx,
    _: &Permit<perm::Member, perm::Deactivate>,
    user: UserId,
) -> ApiResult<()> {
    set_active(tx, user, true).await
}

/// Gives a member a temporary password, to be changed at the next sign-in; 404 for a user who
/// is not a member here, 409 (from the database) for an account another hospital shares.
/// Audited.
#[tracing::instrument(skip_all, fields(user = %user))]
pub async fn reset_password(
    state: &AppState,
    tx: TenantTx,
    _: &Permit<perm::Member, perm::ResetPassword>,
    user: UserId,
) -> ApiResult<TemporaryPassword> {
    let hospital = tx.caller().hospital()?;
    not_oneself(
        &tx,
        user,
        "change your own password with POST /api/v1/auth/password",
    )?;
    let temporary = crate::auth::token::generate()[..20].to_string();
    let (hash, tx) = tx
        .outside(
            state,
            state.hasher.hash(&SecretString::from(temporary.clone())),
        )
        .await?;
    if !store::reset_password(&tx, user, hash).await? {
        return Err(ApiError::NotFound);
    }
    tx.audit_write(
        hospital,
        AuditEntry::new("member.reset_password", "user", user.uuid()),
    )
    .await?;
    tx.commit().await?;
    Ok(TemporaryPassword {
        temporary_password: temporary,
    })
}

/// Clears a member's second factor at the caller's hospital and ends their sessions there; 404
/// when the user is not a member or has none. Audited.
#[tracing::instrument(skip_all, fields(user = %user))]
pub async fn reset_totp(
    tx: TenantTx,
    _: &Permit<perm::Member, perm::ResetTotp>,
    user: UserId,
) -> ApiResult<()> {
    let hospital = tx.caller().hospital()?;
    not_oneself(
        &tx,
        user,
        "your own second factor is changed under /api/v1/auth/totp",
    )?;
    if !crate::auth::reset_member_totp(&tx, user.uuid()).await? {
        return Err(ApiError::NotFound);
    }
    tx.audit_write(
        hospital,
        AuditEntry::new("member.reset_totp", "user", user.uuid()),
    )
    .await?;
    tx.commit().await
}

/// Changes the caller's own password (any signed-in caller: no permit): 403 unless the current
/// one is correct; every other session of the account ends. Audited when the caller belongs to
/// a hospital.
#[tracing::instrument(skip_all)]
pub async fn change_password(state: &AppState, tx: TenantTx, change: NewPassword) -> ApiResult<()> {
    let caller = tx.caller().clone();
    let hash = store::own_password_hash(&tx).await?;
    let NewPassword { current, new } = change;
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
    store::change_password(&tx, new_hash, caller.session.as_bytes()).await?;
    if let Some(h) = caller.hospital_id {
        tx.audit_write(
            h,
            AuditEntry::new("auth.password_change", "user", caller.user_id),
        )
        .await?;
    }
    tx.commit().await
}
