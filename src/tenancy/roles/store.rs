//! The roles domain's SQL, all of it: `role_permission` rows in the caller's hospital (RLS).

use sea_orm::{ConnectionTrait, FromQueryResult, Value};

use crate::{
    db::{TenantTx, stmt},
    error::ApiResult,
    ids::HospitalId,
    tenancy::roles::types::Permission,
};

#[derive(FromQueryResult)]
pub struct Row {
    pub role: String,
    pub object: String,
    pub action: String,
}

/// Every custom role's permissions, by role, object and action.
pub async fn all(tx: &TenantTx) -> ApiResult<Vec<Row>> {
    Ok(Row::find_by_statement(stmt(
        "select role, object, action from role_permission order by 1, 2, 3",
        [],
    ))
    .all(tx.conn())
    .await?)
}

/// Replaces the role's permissions with `perms`.
pub async fn replace(
    tx: &TenantTx,
    hospital: HospitalId,
    name: &str,
    perms: &[Permission],
) -> ApiResult<()> {
    tx.conn()
        .execute_raw(stmt(
            "delete from role_permission where role = $1",
            [name.into()],
        ))
        .await?;
    for p in perms {
        tx.conn()
            .execute_raw(stmt(
                "insert into role_permission (hospital_id, role, object, action) values ($1, $2, $3, $4)",
                [Value::from(hospital), name.into(), p.object.clone().into(), p.action.clone().into()],
            ))
            .await?;
    }
    Ok(())
}

/// Whether any member of the hospital, deactivated ones included, holds the role.
pub async fn held(tx: &TenantTx, name: &str) -> ApiResult<bool> {
    Ok(tx
        .conn()
        .query_one_raw(stmt(
            "select 1 from membership where role = $1 limit 1",
            [name.into()],
        ))
        .await?
        .is_some())
}

/// Deletes the role's permissions; false when it had none (an unknown role).
pub async fn delete(tx: &TenantTx, name: &str) -> ApiResult<bool> {
    let res = tx
        .conn()
        .execute_raw(stmt(
            "delete from role_permission where role = $1",
            [name.into()],
        ))
        .await?;
    Ok(res.rows_affected() > 0)
}
