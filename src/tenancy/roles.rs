//! A hospital's custom roles (pharmacist, nurse, ...): casbin policies in the hospital's domain,
//! stored in PostgreSQL and announced to every instance over Redis.

use std::collections::BTreeMap;

use poem::web::Data;
use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, payload::Json};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};

use crate::{
    app::AppState,
    audit::AuditEntry,
    auth::permit as perm,
    auth::{
        BearerAuth,
        authz::{Authz, announce},
    },
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
};

pub struct RolesApi;

pub const BASE_ROLES: [&str; 4] = ["super_admin", "hospital_admin", "doctor", "patient"];

/// Holds, in policy.csv, the permissions that only custom roles receive (never a role name).
pub const DELEGABLE: &str = "delegable";

#[derive(Object, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[oai(deny_unknown_fields)]
pub struct Permission {
    /// e.g. `patient`, `prescription`.
    pub object: String,
    /// e.g. `read`, `dispense`.
    pub action: String,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct RoleDefinition {
    /// Lowercase letters, digits and underscores, e.g. `pharmacist`.
    pub name: String,
    /// Only what a hospital admin may do can be granted.
    pub permissions: Vec<Permission>,
}

#[derive(Object)]
pub struct Role {
    pub name: String,
    pub permissions: Vec<Permission>,
}

#[derive(ApiResponse)]
pub enum RoleSaved {
    /// Created or replaced.
    #[oai(status = 201)]
    Created(Json<Role>),
}
#[derive(ApiResponse)]
pub enum RoleList {
    #[oai(status = 200)]
    Ok(Json<Vec<Role>>),
}
#[derive(ApiResponse)]
pub enum RoleDeleted {
    #[oai(status = 204)]
    Done,
}

#[derive(FromQueryResult)]
struct Row {
    role: String,
    object: String,
    action: String,
}

/// Objects whose actions stay with hospital admins: the database lets only an admin create,
/// deactivate or reset a member, or define roles, so a custom role granted them could never
/// use them (and would be one step from making itself an admin).
pub const ADMIN_ONLY_OBJECTS: [&str; 2] = ["member", "role"];

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

pub fn check_role_name(name: &str) -> ApiResult<String> {
    let n = name.trim().to_lowercase();
    let ok = (2..=41).contains(&n.len())
        && n.starts_with(|c: char| c.is_ascii_lowercase())
        && n.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        return Err(ApiError::unprocessable(
            "role name must be 2 to 41 lowercase letters, digits or _",
        ));
    }
    if BASE_ROLES.contains(&n.as_str()) || n == DELEGABLE {
        return Err(ApiError::conflict("base roles cannot be redefined"));
    }
    Ok(n)
}

/// Replaces the role's permissions inside the caller's hospital (no commit, no announcement).
pub async fn save_role(
    tx: &TenantTx,
    authz: &Authz,
    name: &str,
    permissions: &[Permission],
) -> ApiResult<Vec<Permission>> {
    let hospital = tx.caller().hospital()?;
    let domain = hospital.to_string();
    let mut perms = permissions.to_vec();
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
    tx.conn()
        .execute_raw(stmt(
            "delete from role_permission where role = $1",
            [name.into()],
        ))
        .await?;
    for p in &perms {
        tx.conn()
            .execute_raw(stmt(
                "insert into role_permission (hospital_id, role, object, action) values ($1, $2, $3, $4)",
                [Value::from(hospital), name.into(), p.object.clone().into(), p.action.clone().into()],
            ))
            .await?;
    }
    Ok(perms)
}

#[OpenApi(prefix_path = "/api/v1/roles", tag = "crate::app::server::Tag::Staff")]
impl RolesApi {
    /// Define (or redefine) a custom role for this hospital (hospital admin).
    ///
    /// Hospital admins only. The role's permissions are replaced by the 1 to 64 given, each one a
    /// hospital admin has or a delegable one (`prescription` list, read, dispense), never on
    /// `member` or `role` (422 otherwise); 422 for an invalid name, 409 for a base role's name.
    /// Audited; every server instance applies the change within a second.
    #[oai(path = "/", method = "post", operation_id = "saveRole")]
    async fn save(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<RoleDefinition>,
    ) -> ApiResult<RoleSaved> {
        let tx = auth.0;
        tx.permit::<perm::Role, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let name = check_role_name(&body.0.name)?;
        let permissions = save_role(&tx, &state.authz, &name, &body.0.permissions).await?;
        tx.audit_write(hospital, AuditEntry::new("role.save", "role", &name))
            .await?;
        tx.commit().await?;
        state.authz.reload(&state.db).await?;
        announce(&mut state.redis.clone(), &state.config.redis_namespace).await?;
        Ok(RoleSaved::Created(Json(Role { name, permissions })))
    }

    /// This hospital's custom roles.
    ///
    /// Hospital admins only. Each custom role with its permissions (object and action), by name;
    /// base roles are not listed.
    #[oai(path = "/", method = "get", operation_id = "listRoles")]
    async fn list(&self, auth: BearerAuth) -> ApiResult<RoleList> {
        let tx = auth.0;
        tx.permit::<perm::Role, perm::List>().await?;
        let rows = Row::find_by_statement(stmt(
            "select role, object, action from role_permission order by 1, 2, 3",
            [],
        ))
        .all(tx.conn())
        .await?;
        tx.commit().await?;
        let mut roles: BTreeMap<String, Vec<Permission>> = BTreeMap::new();
        for r in rows {
            roles.entry(r.role).or_default().push(Permission {
                object: r.object,
                action: r.action,
            });
        }
        Ok(RoleList::Ok(Json(
            roles
                .into_iter()
                .map(|(name, permissions)| Role { name, permissions })
                .collect(),
        )))
    }

    /// Delete a custom role no member holds any more.
    ///
    /// Hospital admins only. 409 while any member of the hospital holds the role, deactivated
    /// members included; 404 for an unknown role. Audited; every server instance applies the change
    /// within a second.
    #[oai(path = "/:name", method = "delete", operation_id = "deleteRole")]
    async fn delete(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        name: Path<String>,
    ) -> ApiResult<RoleDeleted> {
        let tx = auth.0;
        tx.permit::<perm::Role, perm::Delete>().await?;
        let hospital = tx.caller().hospital()?;
        let held = tx
            .conn()
            .query_one_raw(stmt(
                "select 1 from membership where role = $1 limit 1",
                [name.0.clone().into()],
            ))
            .await?
            .is_some();
        if held {
            return Err(ApiError::conflict(
                "members still hold this role; give them another first",
            ));
        }
        let res = tx
            .conn()
            .execute_raw(stmt(
                "delete from role_permission where role = $1",
                [name.0.clone().into()],
            ))
            .await?;
        if res.rows_affected() == 0 {
            return Err(ApiError::NotFound);
        }
        tx.audit_write(hospital, AuditEntry::new("role.delete", "role", &name.0))
            .await?;
        tx.commit().await?;
        state.authz.reload(&state.db).await?;
        announce(&mut state.redis.clone(), &state.config.redis_namespace).await?;
        Ok(RoleDeleted::Done)
    }
}
