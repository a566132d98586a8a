//! The prescription domain's SQL, all of it. Every statement runs in the caller's transaction,
//! under RLS: a row the caller may not see does not exist here.

use sea_orm::{DatabaseConnection, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::paging::Page,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{DoctorId, HospitalId, PrescriptionId, UserId},
    prescriptions::types::{Filter, Issue, Item, Prescription, Status, Verification},
};

#[derive(FromQueryResult)]
pub struct Row {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub doctor_id: Uuid,
    pub appointment_id: Option<Uuid>,
    pub items: serde_json::Value,
    pub status: String,
    pub verification_code: String,
    pub issued_at: chrono::DateTime<chrono::Utc>,
    pub dispensed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub cancelled_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub const SELECT: &str = "select p.id, p.patient_id, p.doctor_id, p.appointment_id, p.items, \
    p.status, p.verification_code, p.issued_at, p.dispensed_at, p.cancelled_at from prescription p";

impl TryFrom<Row> for Prescription {
    type Error = ApiError;
    fn try_from(r: Row) -> ApiResult<Self> {
        let items: Vec<Item> = serde_json::from_value(r.items)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("prescription items: {e}")))?;
        Ok(Self {
            id: r.id,
            patient_id: r.patient_id,
            doctor_id: r.doctor_id,
            appointment_id: r.appointment_id,
            items,
            status: r.status,
            verification_code: r.verification_code,
            issued_at: r.issued_at,
            dispensed_at: r.dispensed_at,
            cancelled_at: r.cancelled_at,
        })
    }
}

/// One prescription the caller may see; 404 otherwise.
pub async fn find(tx: &TenantTx, id: PrescriptionId) -> ApiResult<Prescription> {
    Row::find_by_statement(stmt(&format!("{SELECT} where p.id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?
        .try_into()
}

/// One page of the prescriptions the caller may see, oldest first.
pub async fn page(tx: &TenantTx, filter: &Filter, page: &Page) -> ApiResult<Vec<Prescription>> {
    Row::find_by_statement(stmt(
        &format!(
            "{SELECT} where p.id > $1 and ($3::uuid is null or p.patient_id = $3) \
             and ($4::text is null or p.status = $4) \
             and ($5::text is null or p.verification_code = $5) order by p.id limit $2"
        ),
        [
            page.after_or_nil().into(),
            page.fetch().into(),
            filter.patient.map(|p| p.uuid()).into(),
            filter.status.map(|s| s.as_str().to_string()).into(),
            filter.code.clone().into(),
        ],
    ))
    .all(tx.conn())
    .await?
    .into_iter()
    .map(Prescription::try_from)
    .collect()
}

#[derive(FromQueryResult)]
struct Taken {
    taken: bool,
}

/// Whether any prescription of any hospital carries `code` (the public check has no hospital).
pub async fn code_taken(tx: &TenantTx, code: &str) -> ApiResult<bool> {
    Ok(Taken::find_by_statement(stmt(
        "select prescription_code_taken($1) as taken",
        [code.into()],
    ))
    .one(tx.conn())
    .await?
    .is_some_and(|t| t.taken))
}

pub async fn insert(
    tx: &TenantTx,
    hospital: HospitalId,
    id: PrescriptionId,
    doctor: DoctorId,
    issue: &Issue,
    code: &str,
) -> ApiResult<()> {
    let items = serde_json::to_value(&issue.items)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("items: {e}")))?;
    tx.conn_execute(
        "insert into prescription (hospital_id, id, patient_id, doctor_id, appointment_id, items, \
         verification_code) values ($1, $2, $3, $4, $5, $6, $7)",
        vec![
            hospital.into(),
            id.into(),
            issue.patient.into(),
            doctor.into(),
            issue.appointment.map(|a| a.uuid()).into(),
            items.into(),
            code.into(),
        ],
    )
    .await?;
    Ok(())
}

/// Moves an active prescription to `to` (`by` is who dispensed it); false when it was not
/// active (or not visible).
pub async fn leave_active(
    tx: &TenantTx,
    id: PrescriptionId,
    to: Status,
    by: UserId,
) -> ApiResult<bool> {
    let sql = match to {
        Status::Dispensed => {
            "update prescription set status = 'dispensed', dispensed_at = now(), dispensed_by = $2 \
             where id = $1 and status = 'active'"
        }
        Status::Cancelled => {
            "update prescription set status = 'cancelled', cancelled_at = now() \
             where id = $1 and status = 'active' and $2::uuid is not null"
        }
        Status::Active => return Ok(false),
    };
    Ok(tx.conn_execute(sql, vec![id.into(), by.into()]).await? == 1)
}

/// Whether `user` is the doctor `doctor`.
pub async fn is_doctor(tx: &TenantTx, doctor: DoctorId, user: UserId) -> ApiResult<bool> {
    let n = tx
        .conn_execute(
            "select 1 from doctor where id = $1 and user_id = $2",
            vec![doctor.into(), user.into()],
        )
        .await?;
    Ok(n == 1)
}

/// What the printed copy shows besides the prescription.
#[derive(FromQueryResult)]
pub struct Print {
    pub hospital_name: String,
    pub doctor_name: String,
    pub license_number: String,
    pub specialization: String,
    pub patient_name: String,
    pub patient_date_of_birth: Option<chrono::NaiveDate>,
}

pub async fn print_facts(tx: &TenantTx, id: PrescriptionId) -> ApiResult<Print> {
    Print::find_by_statement(stmt(
        "select * from prescription_print($1)",
        [Value::from(id)],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// The public facts of the prescription carrying `code`, in any hospital.
pub async fn verification(db: &DatabaseConnection, code: &str) -> ApiResult<Option<Verification>> {
    Ok(Verification::find_by_statement(stmt(
        "select * from prescription_verify($1)",
        [code.into()],
    ))
    .one(db)
    .await?)
}
