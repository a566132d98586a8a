//! The roles domain's rules and transactions: what a custom role may be granted, and saving,
//! listing and deleting roles. Each function takes the request's transaction and the permit
//! casbin gave for what it does, and commits when it is done (then every instance reloads its
//! policies); the SQL is in `store`.

use std::collections::BTreeMap;

use crate::{
    app::AppState,
    audit::AuditEntry,
    auth::{
        authz::{Authz, announce},
        permit::{self as perm, Permit},
    },
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::HospitalId,
    tenancy::roles::{
        store,
        types::{ADMIN_ONLY_OBJECTS, DELEGABLE, Permission, Role, RoleName},
    },
};

/// No escalation: a custom role gets what an admin could do, plus the permissions that exist
/// only to be delegated (a pharmacist's, in policy.csv under `delegable`), but never the
/// management of members and roles.
pub async fn grantable(authz: &Authz, domain: &str, object: &str, action: &str) -> ApiResult<bool> {
    if ADMIN_ONLY_OBJECTS.contains(&object) {
        return Ok(false);
    }
    Ok(authz
        .allows("hospital_admin", domain, object, action)
        .await?
        || authz.allows(DELEGABLE, domain, object, action).await?)
}

/// The permissions sorted and without duplicates: 1 to 64 of them, each grantable (422).
async fn checked(
    authz: &Authz,
    hospital: HospitalId,
    permissions: Vec<Permission>,
) -> ApiResult<Vec<Permission>> {
    let domain = hospital.to_string();
    let mut perms = permissions;
    perms.sort();
    perms.dedup();
    if perms.is_empty() || perms.len() > 64 {
        return Err(ApiError::unprocessable("a role needs 1 to 64 permissions"));
    }
    for p in &perms {
        if !grantable(authz, &domain, &p.object, &p.action).await? {
            return Err(ApiError::unprocessable(format!(
                "{} {} cannot be granted",
                p.action, p.object
            )));
        }
    }
    Ok(perms)
}

/// Every instance reloads its policies (this one at once, the others when told over Redis, or
/// by their poll within `authz::POLL_WHILE_DOWN` when Redis is down: the change stands either way).
async fn reload(state: &AppState) -> ApiResult<()> {
    state.authz.reload(&state.db).await?;
    if let Err(e) = announce(&mut state.redis.clone(), &state.config.redis_namespace).await {
        tracing::warn!(error = %e, "policy change not announced (Redis down); instances poll");
    }
    Ok(())
}

/// Defines or redefines a custom role: its permissions are replaced by the checked ones (422).
/// Audited; every instance applies the change.
#[tracing::instrument(skip_all)]
pub async fn save(
    state: &AppState,
    tx: TenantTx,
    _: &Permit<perm::Role, perm::Create>,
    name: RoleName,
    permissions: Vec<Permission>,
) -> ApiResult<Role> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let permissions = checked(&state.authz, hospital, permissions).await?;
    store::replace(&tx, hospital, name.as_str(), &permissions).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("role.save", "role", name.as_str()),
    )
    .await?;
    tx.commit().await?;
    reload(state).await?;
    Ok(Role {
        name: name.into_string(),
        permissions,
    })
}

/// The hospital's custom roles with their permissions, by name.
#[tracing::instrument(skip_all)]
pub async fn list(tx: TenantTx, _: &Permit<perm::Role, perm::List>) -> ApiResult<Vec<Role>> {
    let rows = store::all(&tx).await?;
    tx.commit().await?;
    let mut roles: BTreeMap<String, Vec<Permission>> = BTreeMap::new();
    for r in rows {
        roles.entry(r.role).or_default().push(Permission {
            object: r.object,
            action: r.action,
        });
    }
    Ok(roles
        .into_iter()
        .map(|(name, permissions)| Role { name, permissions })
        .collect())
}

/// Deletes a custom role: 409 while any member holds it, 404 for an unknown one. Audited; every
/// instance applies the change.
#[tracing::instrument(skip_all)]
pub async fn delete(
    state: &AppState,
    tx: TenantTx,
    _: &Permit<perm::Role, perm::Delete>,
    name: &str,
) -> ApiResult<()> {
    let hospital = tx.caller().hospital()?;
    if store::held(&tx, name).await? {
        return Err(ApiError::conflict(
            "members still hold this role; give them another first",
        ));
    }
    if !store::delete(&tx, name).await? {
        return Err(ApiError::NotFound);
    }
    tx.audit_write(hospital, AuditEntry::new("role.delete", "role", name))
        .await?;
    tx.commit().await?;
    reload(state).await
}
