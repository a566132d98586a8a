//! The SQL of inference jobs and the model registry as requests use them, in the caller's
//! transaction under RLS (the worker's own statements are in `inference/mod.rs`).

use sea_orm::{FromQueryResult, Value};

use crate::{
    app::paging::{Listing, Page},
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{DocumentId, HospitalId, JobId, PatientId, UserId},
    inference::types::{Job, JobRow, Kind, ModelStatus, ModelVersion, Stage, StageCorrection},
};

pub const JOB_SELECT: &str = "select j.id, j.kind, j.status, j.progress, j.model_version, j.document_id, \
    j.patient_id, j.attempts, j.error, j.result, j.created_at, j.started_at, j.finished_at \
    from inference_job j";

pub const JOB_ROW_SELECT: &str = "select j.id, j.kind, j.status, j.progress, j.model_version, \
    j.document_id, j.patient_id, j.created_at, j.finished_at from inference_job j";

pub const MODEL_SELECT: &str = "select kind, version, encode(sha256, 'hex') as sha256, status, metrics, created_at from model_version";

#[derive(FromQueryResult)]
struct Doc {
    patient_id: uuid::Uuid,
}

/// The AI feature's switch and daily quota for the caller's hospital, and today's use.
#[derive(FromQueryResult)]
pub struct Settings {
    pub enabled: bool,
    pub quota: i32,
    pub today: i64,
}

#[derive(FromQueryResult)]
struct Count {
    n: i64,
}

/// One job the caller may see; 404 otherwise.
pub async fn job(tx: &TenantTx, id: JobId) -> ApiResult<Job> {
    Job::find_by_statement(stmt(&format!("{JOB_SELECT} where j.id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

/// The patient of a document the caller may see; 404 otherwise.
pub async fn document_patient(tx: &TenantTx, document: DocumentId) -> ApiResult<PatientId> {
    let doc = Doc::find_by_statement(stmt(
        "select patient_id from document where id = $1",
        [document.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)?;
    Ok(PatientId::from(doc.patient_id))
}

/// Serializes job creations per hospital (until the transaction ends), so the quota holds under
/// concurrency.
pub async fn lock_quota(tx: &TenantTx, hospital: HospitalId) -> ApiResult<()> {
    tx.conn_execute(
        "select pg_advisory_xact_lock(hashtextextended('carebridge.inference.quota.' || $1::text, 0))",
        vec![hospital.into()],
    )
    .await?;
    Ok(())
}

pub async fn settings(tx: &TenantTx, kind: Kind) -> ApiResult<Settings> {
    Settings::find_by_statement(stmt(
        "select s.enabled, s.quota, s.today from inference_settings($1) s",
        [kind.as_str().into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

pub struct NewJobRow {
    pub hospital: HospitalId,
    pub id: JobId,
    pub kind: Kind,
    pub document: DocumentId,
    pub patient: PatientId,
    pub requested_by: UserId,
}

pub async fn insert_job(tx: &TenantTx, j: NewJobRow) -> ApiResult<()> {
    tx.conn_execute(
        "insert into inference_job (hospital_id, id, kind, document_id, patient_id, requested_by) values ($1, $2, $3, $4, $5, $6)",
        vec![j.hospital.into(), j.id.into(), j.kind.as_str().into(), j.document.into(), j.patient.into(), j.requested_by.into()],
    )
    .await?;
    Ok(())
}

/// One page of a patient's jobs (without results), oldest first.
pub async fn jobs_of(tx: &TenantTx, patient: PatientId, page: &Page) -> ApiResult<Listing<JobRow>> {
    page.list(
        tx,
        JOB_ROW_SELECT,
        "j.id",
        "and j.patient_id = $3",
        vec![patient.into()],
        |j: &JobRow| j.id,
    )
    .await
}

/// Cancels a queued or running job; false when it was in any other state.
pub async fn cancel(tx: &TenantTx, id: JobId) -> ApiResult<bool> {
    let n = tx
        .conn_execute(
            "update inference_job set status = 'cancelled', finished_at = now() where id = $1 and status in ('queued', 'running')",
            vec![id.into()],
        )
        .await?;
    Ok(n == 1)
}

/// The doctors' corrections of a job, by epoch.
pub async fn corrections(tx: &TenantTx, id: JobId) -> ApiResult<Vec<StageCorrection>> {
    Ok(StageCorrection::find_by_statement(stmt(
        "select epoch, stage from inference_correction where job_id = $1 order by epoch",
        [id.into()],
    ))
    .all(tx.conn())
    .await?)
}

/// Sets an epoch's stage; a new correction of an epoch replaces the old one.
pub async fn correct(
    tx: &TenantTx,
    hospital: HospitalId,
    id: JobId,
    (epoch, stage): (i32, Stage),
    by: UserId,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into inference_correction (hospital_id, job_id, epoch, stage, corrected_by) values ($1, $2, $3, $4, $5) \
         on conflict (hospital_id, job_id, epoch) do update set stage = excluded.stage, corrected_by = excluded.corrected_by, corrected_at = now()",
        vec![hospital.into(), id.into(), epoch.into(), stage.as_str().into(), by.into()],
    )
    .await?;
    Ok(())
}

pub async fn corrected(tx: &TenantTx, id: JobId) -> ApiResult<i64> {
    Ok(Count::find_by_statement(stmt(
        "select count(*) as n from inference_correction where job_id = $1",
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .map_or(0, |c| c.n))
}

/// Registers a version as `shadow`; false when the kind already has that version.
pub async fn register_model(
    tx: &TenantTx,
    kind: Kind,
    version: &str,
    sha256: Vec<u8>,
    weights: Vec<u8>,
    metrics: serde_json::Value,
) -> ApiResult<bool> {
    #[derive(FromQueryResult)]
    struct Registered {
        registered: bool,
    }
    let r = Registered::find_by_statement(stmt(
        "select model_register($1, $2, $3, $4, $5) as registered",
        vec![
            kind.as_str().into(),
            version.into(),
            sha256.into(),
            weights.into(),
            metrics.into(),
        ],
    ))
    .one(tx.conn())
    .await?;
    Ok(r.is_some_and(|r| r.registered))
}

/// Sets a version's status; false for an unknown kind or version.
pub async fn set_model_status(
    tx: &TenantTx,
    kind: &str,
    version: &str,
    status: ModelStatus,
) -> ApiResult<bool> {
    #[derive(FromQueryResult)]
    struct Changed {
        changed: bool,
    }
    let c = Changed::find_by_statement(stmt(
        "select model_set_status($1, $2, $3) as changed",
        [kind.into(), version.into(), status.as_str().into()],
    ))
    .one(tx.conn())
    .await?;
    Ok(c.is_some_and(|c| c.changed))
}

pub async fn model(tx: &TenantTx, kind: Kind, version: &str) -> ApiResult<ModelVersion> {
    ModelVersion::find_by_statement(stmt(
        &format!("{MODEL_SELECT} where kind = $1 and version = $2"),
        [kind.as_str().into(), version.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// Every version of a kind, in registration order.
pub async fn models_of(tx: &TenantTx, kind: &str) -> ApiResult<Vec<ModelVersion>> {
    Ok(ModelVersion::find_by_statement(stmt(
        &format!("{MODEL_SELECT} where kind = $1 order by created_at"),
        [Value::from(kind)],
    ))
    .all(tx.conn())
    .await?)
}

/// Every version per kind, in registration order.
pub async fn models(tx: &TenantTx) -> ApiResult<Vec<ModelVersion>> {
    Ok(ModelVersion::find_by_statement(stmt(
        &format!("{MODEL_SELECT} order by kind, created_at"),
        [],
    ))
    .all(tx.conn())
    .await?)
}
