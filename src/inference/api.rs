//! `/api/v1/inference/jobs` and `/api/v1/models`.

use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::{Binary, Json, PlainText},
};
use sea_orm::{FromQueryResult, Value};
use sha2::Digest;
use uuid::Uuid;

use crate::{
    app::paging::Listing,
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    inference::KINDS,
};

pub struct InferenceApi;

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewJob {
    /// `sleep_staging` (an EDF/EDF+/BDF recording) or `chest_xray`.
    pub kind: String,
    pub document_id: Uuid,
}

#[derive(Object)]
pub struct JobAccepted {
    pub id: Uuid,
    /// `queued`.
    pub status: String,
}

/// A job and, once it succeeded, its result. A sleep-staging result has `stages` (one of W,
/// N1, N2, N3, REM per 30-second epoch, in order), `probabilities` per epoch and `summary`.
#[derive(Object, FromQueryResult)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    /// `queued`, `running`, `succeeded`, `failed` or `cancelled`.
    pub status: String,
    /// 0 to 1 while running.
    pub progress: f32,
    #[oai(nullable)]
    pub model_version: Option<String>,
    pub document_id: Uuid,
    pub patient_id: Uuid,
    pub attempts: i32,
    #[oai(nullable)]
    pub error: Option<String>,
    #[oai(nullable)]
    pub result: Option<serde_json::Value>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[oai(nullable)]
    pub started_at: Option<chrono::DateTime<chrono::Utc>>,
    #[oai(nullable)]
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
}

const JOB_SELECT: &str = "select j.id, j.kind, j.status, j.progress, j.model_version, j.document_id, \
    j.patient_id, j.attempts, j.error, j.result, j.created_at, j.started_at, j.finished_at \
    from inference_job j";

/// A job's row without its (large) result, for lists.
#[derive(Object, FromQueryResult)]
pub struct JobRow {
    pub id: Uuid,
    pub kind: String,
    pub status: String,
    pub progress: f32,
    #[oai(nullable)]
    pub model_version: Option<String>,
    pub document_id: Uuid,
    pub patient_id: Uuid,
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[oai(nullable)]
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
}

const JOB_ROW_SELECT: &str = "select j.id, j.kind, j.status, j.progress, j.model_version, \
    j.document_id, j.patient_id, j.created_at, j.finished_at from inference_job j";

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct Correction {
    /// 0-based epoch index.
    pub epoch: i32,
    /// W, N1, N2, N3 or REM.
    pub stage: String,
}

/// A doctor's corrections to a job's stages. Named `CorrectionSet` in the spec: a schema whose
/// name equals one of its properties trips openapi-python-client (its issue #1117).
#[derive(Object)]
#[oai(rename = "CorrectionSet", deny_unknown_fields)]
pub struct Corrections {
    pub corrections: Vec<Correction>,
}

#[derive(Object)]
pub struct Corrected {
    /// Epochs whose stage a doctor set, in total for this job.
    pub corrected: i64,
}

#[derive(Object, FromQueryResult)]
pub struct ModelVersion {
    pub kind: String,
    pub version: String,
    /// Hex.
    pub sha256: String,
    pub status: String,
    pub metrics: serde_json::Value,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

const MODEL_SELECT: &str = "select kind, version, encode(sha256, 'hex') as sha256, status, metrics, created_at from model_version";

#[derive(ApiResponse)]
pub enum JobCreated {
    #[oai(status = 202)]
    Accepted(Json<JobAccepted>),
}
#[derive(ApiResponse)]
pub enum JobAnswer {
    #[oai(status = 200)]
    Ok(Json<Job>),
}
#[derive(ApiResponse)]
pub enum JobList {
    #[oai(status = 200)]
    Ok(Json<Listing<JobRow>>),
}
#[derive(ApiResponse)]
pub enum Report {
    /// The hypnogram with the night's summary.
    #[oai(status = 200, content_type = "image/svg+xml")]
    Ok(PlainText<String>),
}
#[derive(ApiResponse)]
pub enum CorrectedAnswer {
    #[oai(status = 200)]
    Ok(Json<Corrected>),
}
#[derive(ApiResponse)]
pub enum ModelCreated {
    /// Loaded, evaluated on held-out nights and registered as `shadow`.
    #[oai(status = 201)]
    Created(Json<ModelVersion>),
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct StatusChange {
    /// `active` (the previous active version is retired), `shadow` or `retired`.
    pub status: String,
}

#[derive(ApiResponse)]
pub enum ModelList {
    #[oai(status = 200)]
    Ok(Json<Vec<ModelVersion>>),
}

#[derive(FromQueryResult)]
struct Doc {
    patient_id: Uuid,
}

#[derive(FromQueryResult)]
struct Settings {
    enabled: bool,
    quota: i32,
    today: i64,
}

#[derive(FromQueryResult)]
struct Count {
    n: i64,
}

async fn job(tx: &TenantTx, id: Uuid) -> ApiResult<Job> {
    Job::find_by_statement(stmt(&format!("{JOB_SELECT} where j.id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

/// Loads weights and runs them on held-out evaluation data that training never used.
fn validate(kind: &str, bytes: Vec<u8>) -> anyhow::Result<(serde_json::Value, Vec<u8>)> {
    let metrics = match crate::inference::registry::Model::load(kind, &bytes)? {
        crate::inference::registry::Model::Sleep(stager) => {
            let nights: Vec<_> = (0..3)
                .map(|k| {
                    carebridge_ml::train::synthetic(
                        carebridge_ml::train::EVAL_SEED_BASE + 900 + k,
                        960,
                    )
                })
                .collect();
            let e = carebridge_ml::train::evaluate(&stager, &nights)?;
            serde_json::json!({ "evaluation": e, "data": "3 held-out synthetic nights (registry validation)" })
        }
        crate::inference::registry::Model::Xray(triager) => {
            let seed = carebridge_ml::xray::EVAL_SEED + 10_000;
            let accuracy = carebridge_ml::xray::accuracy(&triager, seed, 200)?;
            serde_json::json!({ "eval_accuracy": accuracy, "data": "200 held-out synthetic phantoms (registry validation)" })
        }
    };
    Ok((metrics, bytes))
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Inference")]
impl InferenceApi {
    /// Queue an AI job on a stored document (doctors, admins). Answers at once; poll the job.
    ///
    /// Doctors and hospital admins who may see the document's patient (404 for any other document).
    /// `kind` is `sleep_staging` or `chest_xray` (422 otherwise); 409 when the hospital has
    /// switched that AI feature off, 429 with Retry-After once its daily quota is used up. Answers
    /// 202 with the job id; audited.
    #[oai(
        path = "/inference/jobs",
        method = "post",
        operation_id = "createInferenceJob"
    )]
    async fn create(&self, auth: BearerAuth, body: Json<NewJob>) -> ApiResult<JobCreated> {
        let tx = auth.0;
        tx.permit::<perm::Inference, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let b = body.0;
        if !KINDS.contains(&b.kind.as_str()) {
            return Err(ApiError::unprocessable(
                "kind must be sleep_staging or chest_xray",
            ));
        }
        let doc = Doc::find_by_statement(stmt(
            "select patient_id from document where id = $1",
            [b.document_id.into()],
        ))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?;
        // Serialize creations per hospital so the quota holds under concurrency.
        tx.conn_execute(
            "select pg_advisory_xact_lock(hashtextextended('carebridge.inference.quota.' || $1::text, 0))",
            vec![hospital.into()],
        )
        .await?;
        let s = Settings::find_by_statement(stmt(
            "select s.enabled, s.quota, s.today from inference_settings($1) s",
            [b.kind.clone().into()],
        ))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?;
        if !s.enabled {
            return Err(ApiError::Conflict(format!(
                "AI assistance for {} is switched off for this hospital",
                b.kind
            )));
        }
        if s.today >= i64::from(s.quota) {
            let now = chrono::Utc::now();
            let midnight = (now.date_naive() + chrono::Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .expect("midnight")
                .and_utc();
            return Err(ApiError::TooManyRequests {
                retry_after: (midnight - now).num_seconds().max(1) as u64,
            });
        }
        let id = Uuid::now_v7();
        tx.conn_execute(
            "insert into inference_job (hospital_id, id, kind, document_id, patient_id, requested_by) values ($1, $2, $3, $4, $5, $6)",
            vec![Value::from(hospital), id.into(), b.kind.into(), b.document_id.into(), doc.patient_id.into(), tx.caller().user_id.into()],
        )
        .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("inference.create", "inference_job", id).patient(doc.patient_id),
        )
        .await?;
        tx.commit().await?;
        Ok(JobCreated::Accepted(Json(JobAccepted {
            id,
            status: "queued".into(),
        })))
    }

    /// One job with its progress, model version and (when done) result.
    ///
    /// Doctors and hospital admins who may see the job's patient (patients get 403; other jobs
    /// 404). `result` is set once the job succeeded, `error` when it failed; the read is audited.
    #[oai(
        path = "/inference/jobs/:id",
        method = "get",
        operation_id = "getInferenceJob"
    )]
    async fn get(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<JobAnswer> {
        let mut tx = auth.0;
        tx.permit::<perm::Inference, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        let j = job(&tx, id.0).await?;
        tx.audit_read(
            hospital,
            AuditEntry::new("inference.read", "inference_job", j.id).patient(j.patient_id),
        );
        tx.commit().await?;
        Ok(JobAnswer::Ok(Json(j)))
    }

    /// A patient's jobs (without results).
    ///
    /// Jobs for the patient named by `patient_id`, for doctors and hospital admins who may see that
    /// patient (patients get 403; 404 for any other patient). Oldest first, paged with `limit` and
    /// `cursor`; the read is audited.
    #[oai(
        path = "/inference/jobs",
        method = "get",
        operation_id = "listInferenceJobs"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        patient_id: Query<Uuid>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<JobList> {
        let rows = crate::records::PatientRows {
            object: perm::Inference,
            action: "inference.list",
            select: JOB_ROW_SELECT,
            alias: "j",
        };
        let listing = crate::records::list_for_patient(
            auth.0,
            rows,
            patient_id.0,
            limit.0,
            cursor.0,
            |j: &JobRow| j.id,
        )
        .await?;
        Ok(JobList::Ok(Json(listing)))
    }

    /// Cancel a queued or running job; a finished one answers 409.
    ///
    /// Doctors and hospital admins who may see the job's patient (404 otherwise). Answers the job,
    /// now `cancelled`; audited.
    #[oai(
        path = "/inference/jobs/:id/cancel",
        method = "post",
        operation_id = "cancelInferenceJob"
    )]
    async fn cancel(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<JobAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Inference, perm::Cancel>().await?;
        let hospital = tx.caller().hospital()?;
        let j = job(&tx, id.0).await?;
        let n = tx
            .conn_execute(
                "update inference_job set status = 'cancelled', finished_at = now() where id = $1 and status in ('queued', 'running')",
                vec![id.0.into()],
            )
            .await?;
        if n != 1 {
            return Err(ApiError::conflict(format!("the job is {}", j.status)));
        }
        tx.audit_write(
            hospital,
            AuditEntry::new("inference.cancel", "inference_job", j.id).patient(j.patient_id),
        )
        .await?;
        let j = job(&tx, id.0).await?;
        tx.commit().await?;
        Ok(JobAnswer::Ok(Json(j)))
    }

    /// The sleep report: a hypnogram (SVG) with the summary, model version and input's sha256.
    ///
    /// Doctors and hospital admins who may see the job's patient; 409 unless it is a succeeded
    /// sleep-staging job. Doctors' corrections are drawn in and the summary counts them; the read
    /// is audited.
    #[oai(
        path = "/inference/jobs/:id/report",
        method = "get",
        operation_id = "getInferenceReport"
    )]
    async fn report(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Report> {
        let mut tx = auth.0;
        tx.permit::<perm::Inference, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        let j = job(&tx, id.0).await?;
        let (Some(result), "sleep_staging", "succeeded") =
            (&j.result, j.kind.as_str(), j.status.as_str())
        else {
            return Err(ApiError::conflict(
                "a report exists for succeeded sleep-staging jobs only",
            ));
        };
        let mut stages: Vec<String> = result["stages"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        #[derive(FromQueryResult)]
        struct Fix {
            epoch: i32,
            stage: String,
        }
        let fixes = Fix::find_by_statement(stmt(
            "select epoch, stage from inference_correction where job_id = $1",
            [id.0.into()],
        ))
        .all(tx.conn())
        .await?;
        for f in &fixes {
            if let Some(s) = stages.get_mut(f.epoch as usize) {
                s.clone_from(&f.stage);
            }
        }
        let idx: Vec<u8> = stages
            .iter()
            .map(|s| {
                carebridge_ml::synth::STAGES
                    .iter()
                    .position(|x| x == s)
                    .unwrap_or(0) as u8
            })
            .collect();
        let summary = carebridge_ml::stage::summarize(&idx);
        let footer = format!(
            "Model {} · input sha256 {} · {} epochs corrected by a doctor\nAI assistance: a doctor reviews every stage before clinical use",
            j.model_version.as_deref().unwrap_or("?"),
            result["input_sha256"].as_str().unwrap_or("?"),
            fixes.len()
        );
        let svg = carebridge_ml::hypnogram::svg(&stages, &summary, "Sleep staging report", &footer);
        tx.audit_read(
            hospital,
            AuditEntry::new("inference.report", "inference_job", j.id).patient(j.patient_id),
        );
        tx.commit().await?;
        Ok(Report::Ok(PlainText(svg)))
    }

    /// Correct staged epochs (doctors); corrections are kept as training labels.
    ///
    /// Doctors who may see the job's patient; 409 unless it is a succeeded sleep-staging job. 1 to
    /// 10000 corrections, each a 0-based `epoch` of the result and a stage `W`, `N1`, `N2`, `N3` or
    /// `REM` (422 otherwise); a new correction of an epoch replaces the old one. Answers how many
    /// of the job's epochs are corrected in all; audited.
    #[oai(
        path = "/inference/jobs/:id/corrections",
        method = "put",
        operation_id = "correctInferenceJob"
    )]
    async fn correct(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<Corrections>,
    ) -> ApiResult<CorrectedAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Inference, perm::Correct>().await?;
        let hospital = tx.caller().hospital()?;
        let j = job(&tx, id.0).await?;
        let epochs = j
            .result
            .as_ref()
            .and_then(|r| r["stages"].as_array().map(Vec::len))
            .filter(|_| j.status == "succeeded" && j.kind == "sleep_staging")
            .ok_or_else(|| {
                ApiError::conflict("only succeeded sleep-staging jobs can be corrected")
            })?;
        if body.0.corrections.is_empty() || body.0.corrections.len() > 10_000 {
            return Err(ApiError::unprocessable(
                "corrections must hold 1 to 10000 epochs",
            ));
        }
        for c in &body.0.corrections {
            if c.epoch < 0
                || c.epoch as usize >= epochs
                || !carebridge_ml::synth::STAGES.contains(&c.stage.as_str())
            {
                return Err(ApiError::unprocessable(format!(
                    "epoch must be 0 to {} and stage one of W, N1, N2, N3, REM",
                    epochs - 1
                )));
            }
            tx.conn_execute(
                "insert into inference_correction (hospital_id, job_id, epoch, stage, corrected_by) values ($1, $2, $3, $4, $5) \
                 on conflict (hospital_id, job_id, epoch) do update set stage = excluded.stage, corrected_by = excluded.corrected_by, corrected_at = now()",
                vec![Value::from(hospital), id.0.into(), c.epoch.into(), c.stage.clone().into(), tx.caller().user_id.into()],
            )
            .await?;
        }
        tx.audit_write(
            hospital,
            AuditEntry::new("inference.correct", "inference_job", j.id).patient(j.patient_id),
        )
        .await?;
        let n = Count::find_by_statement(stmt(
            "select count(*) as n from inference_correction where job_id = $1",
            [id.0.into()],
        ))
        .one(tx.conn())
        .await?
        .map_or(0, |c| c.n);
        tx.commit().await?;
        Ok(CorrectedAnswer::Ok(Json(Corrected { corrected: n })))
    }

    /// Register new weights (super admins), evaluated first and registered as `shadow`.
    ///
    /// Super admins only; the body is the burnpack weights (up to 20 MiB) and `version` names them
    /// (1 to 64 of a-z, 0-9, `.`, `_`, `-`). Only `sleep_staging` can be registered; the weights
    /// are loaded and run on held-out evaluation nights first, and weights that do not load or run
    /// answer 422. 409 when the version exists; the change is logged, not written to an audit
    /// trail.
    #[oai(
        path = "/models/:kind/versions",
        method = "post",
        operation_id = "registerModel"
    )]
    async fn register(
        &self,
        state: poem::web::Data<&crate::app::AppState>,
        auth: BearerAuth,
        kind: Path<String>,
        version: Query<String>,
        weights: Binary<Vec<u8>>,
    ) -> ApiResult<ModelCreated> {
        let tx = auth.0;
        tx.permit::<perm::Model, perm::Create>().await?;
        if kind.0 != "sleep_staging" {
            return Err(ApiError::unprocessable(
                "only sleep_staging models can be registered",
            ));
        }
        let v = version.0.trim().to_string();
        let ok = !v.is_empty()
            && v.len() <= 64
            && v.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        if !ok {
            return Err(ApiError::unprocessable(
                "version: 1 to 64 of a-z, 0-9, '.', '_', '-'",
            ));
        }
        let bytes = weights.0;
        if bytes.is_empty() || bytes.len() > 20 * 1024 * 1024 {
            return Err(ApiError::unprocessable("weights must be 1 byte to 20 MiB"));
        }
        let sha: Vec<u8> = sha2::Sha256::digest(&bytes).to_vec();
        let k = kind.0.clone();
        // Evaluating the network takes seconds: no transaction stays open meanwhile.
        let evaluated = async {
            tokio::task::spawn_blocking(move || validate(&k, bytes))
                .await
                .map_err(|e| ApiError::Internal(e.into()))?
                .map_err(|_| {
                    ApiError::unprocessable(format!(
                        "the weights do not load or run as a {} model",
                        kind.0
                    ))
                })
        };
        let ((metrics, bytes), tx) = tx.outside(&state, evaluated).await?;
        #[derive(FromQueryResult)]
        struct Registered {
            registered: bool,
        }
        let r = Registered::find_by_statement(stmt(
            "select model_register($1, $2, $3, $4, $5) as registered",
            vec![
                kind.0.clone().into(),
                v.clone().into(),
                sha.into(),
                bytes.into(),
                metrics.into(),
            ],
        ))
        .one(tx.conn())
        .await?;
        if !r.is_some_and(|r| r.registered) {
            return Err(ApiError::conflict(format!("{} {v} already exists", kind.0)));
        }
        // The audit trail is per hospital; registry changes are platform events, logged.
        tracing::info!(actor = %tx.caller().user_id, kind = %kind.0, version = %v, "model registered as shadow");
        let m = ModelVersion::find_by_statement(stmt(
            &format!("{MODEL_SELECT} where kind = $1 and version = $2"),
            [kind.0.into(), v.into()],
        ))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?;
        tx.commit().await?;
        Ok(ModelCreated::Created(Json(m)))
    }

    /// Activate, shadow or retire a version (super admins). Jobs use the active version.
    ///
    /// Super admins only; `status` is `active`, `shadow` or `retired` (422 otherwise), and
    /// activating a version retires the kind's previous active one. 404 for an unknown kind or
    /// version; answers every version of the kind. The change is logged, not written to an audit
    /// trail.
    #[oai(
        path = "/models/:kind/versions/:version/status",
        method = "post",
        operation_id = "setModelStatus"
    )]
    async fn set_status(
        &self,
        auth: BearerAuth,
        kind: Path<String>,
        version: Path<String>,
        body: Json<StatusChange>,
    ) -> ApiResult<ModelList> {
        let tx = auth.0;
        tx.permit::<perm::Model, perm::Update>().await?;
        if !["active", "shadow", "retired"].contains(&body.0.status.as_str()) {
            return Err(ApiError::unprocessable(
                "status must be active, shadow or retired",
            ));
        }
        #[derive(FromQueryResult)]
        struct Changed {
            changed: bool,
        }
        let c = Changed::find_by_statement(stmt(
            "select model_set_status($1, $2, $3) as changed",
            [
                kind.0.clone().into(),
                version.0.clone().into(),
                body.0.status.clone().into(),
            ],
        ))
        .one(tx.conn())
        .await?;
        if !c.is_some_and(|c| c.changed) {
            return Err(ApiError::NotFound);
        }
        tracing::info!(actor = %tx.caller().user_id, kind = %kind.0, version = %version.0, status = %body.0.status, "model status changed");
        let rows = ModelVersion::find_by_statement(stmt(
            &format!("{MODEL_SELECT} where kind = $1 order by created_at"),
            [kind.0.into()],
        ))
        .all(tx.conn())
        .await?;
        tx.commit().await?;
        Ok(ModelList::Ok(Json(rows)))
    }

    /// The model registry: every version per kind, its sha256, metrics and status.
    ///
    /// Super admins, hospital admins and doctors (patients get 403). Versions per kind in
    /// registration order, each `active`, `shadow` or `retired`; new jobs use the active one.
    #[oai(path = "/models", method = "get", operation_id = "listModels")]
    async fn models(&self, auth: BearerAuth) -> ApiResult<ModelList> {
        let tx = auth.0;
        tx.permit::<perm::Model, perm::List>().await?;
        let rows = ModelVersion::find_by_statement(stmt(
            &format!("{MODEL_SELECT} order by kind, created_at"),
            [],
        ))
        .all(tx.conn())
        .await?;
        tx.commit().await?;
        Ok(ModelList::Ok(Json(rows)))
    }
}
