//! The specialty suggestion's SQL, in the caller's transaction under RLS (a hospital's doctors
//! are visible to its own members only).

use sea_orm::FromQueryResult;

use crate::{
    db::{TenantTx, stmt},
    error::ApiResult,
    specialty::types::DoctorRow,
};

/// The caller's hospital's active doctors whose specialization, trimmed and in lower case, is
/// one of `names`; by name.
pub async fn doctors_with(tx: &TenantTx, names: &[&str]) -> ApiResult<Vec<DoctorRow>> {
    Ok(DoctorRow::find_by_statement(stmt(
        "select d.id, u.full_name, lower(btrim(d.specialization)) as specialization
           from doctor d
           join app_user u on u.id = d.user_id
           join membership m on m.hospital_id = d.hospital_id and m.user_id = d.user_id and m.active
          where lower(btrim(d.specialization)) in (select jsonb_array_elements_text($1))
          order by u.full_name, d.id",
        [serde_json::json!(names).into()],
    ))
    .all(tx.conn())
    .await?)
}
