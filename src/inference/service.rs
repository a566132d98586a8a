//! AI jobs and the model registry as requests use them: each function takes the request's
//! transaction and the permit for what it does, checks the domain's rules, audits and commits.
//! The SQL is in `store`; the worker that runs jobs is `inference/mod.rs`.

use sha2::Digest;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{HospitalId, JobId, PatientId, UserId},
    inference::{
        registry::Model,
        store::{self, NewJobRow},
        types::{
            Corrected, Fix, Job, JobAccepted, JobDetail, JobRow, Kind, ModelStatus, ModelVersion,
            NewJob, StageCorrection, Upload,
        },
    },
    records::require_patient,
};

fn entry(action: &'static str, j: &Job) -> AuditEntry {
    AuditEntry::new(action, "inference_job", j.id).patient(j.patient_id)
}

/// Seconds until the next midnight (UTC), when the daily quota starts again; at least 1.
fn until_midnight() -> u64 {
    let now = chrono::Utc::now();
    let midnight = (now.date_naive() + chrono::Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc();
    (midnight - now).num_seconds().max(1) as u64
}

/// The answer when the caller's hospital has switched `kind` off (or AI assistance as a whole).
fn switched_off(kind: Kind) -> ApiError {
    ApiError::Conflict(format!(
        "AI assistance for {} is switched off for this hospital",
        kind.as_str()
    ))
}

/// 409 unless the caller's hospital has AI assistance and `kind` switched on: the one check
/// behind every AI feature (queued jobs and in-request suggestions alike).
pub async fn require_switched_on(tx: &TenantTx, kind: Kind) -> ApiResult<()> {
    if store::settings(tx, kind).await?.enabled {
        Ok(())
    } else {
        Err(switched_off(kind))
    }
}

/// Queues a job on a document the caller may see (404 otherwise): 409 when the hospital switched
/// the feature off, 429 once its daily quota is used up. Audited.
#[tracing::instrument(skip_all, fields(document = %job.document))]
pub async fn create(
    tx: TenantTx,
    _: &Permit<perm::Inference, perm::Create>,
    job: NewJob,
) -> ApiResult<JobAccepted> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let patient = store::document_patient(&tx, job.document).await?;
    store::lock_quota(&tx, hospital).await?;
    let s = store::settings(&tx, job.kind).await?;
    if !s.enabled {
        return Err(switched_off(job.kind));
    }
    if s.today >= i64::from(s.quota) {
        return Err(ApiError::TooManyRequests {
            retry_after: until_midnight(),
        });
    }
    let id = JobId::new();
    let row = NewJobRow {
        hospital,
        id,
        kind: job.kind,
        document: job.document,
        patient,
        requested_by: UserId::from(tx.caller().user_id),
    };
    store::insert_job(&tx, row).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("inference.create", "inference_job", id).patient(patient.uuid()),
    )
    .await?;
    tx.commit().await?;
    Ok(JobAccepted {
        id: id.uuid(),
        status: "queued".into(),
    })
}

/// One job; audited as read.
#[tracing::instrument(skip_all, fields(job = %id))]
pub async fn read(
    mut tx: TenantTx,
    _: &Permit<perm::Inference, perm::Read>,
    id: JobId,
) -> ApiResult<JobDetail> {
    let hospital = tx.caller().hospital()?;
    let job = store::job(&tx, id).await?;
    let corrections = store::corrections(&tx, id).await?;
    tx.audit_read(hospital, entry("inference.read", &job));
    tx.commit().await?;
    Ok(JobDetail { job, corrections })
}

/// A page of the jobs of a patient the caller may see (404 otherwise); audited as read.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn list(
    mut tx: TenantTx,
    _: &Permit<perm::Inference, perm::List>,
    patient: PatientId,
    page: Page,
) -> ApiResult<Listing<JobRow>> {
    let hospital = tx.caller().hospital()?;
    require_patient(&tx, patient.uuid()).await?;
    let listing = store::jobs_of(&tx, patient, &page).await?;
    tx.audit_read(
        hospital,
        AuditEntry::new("inference.list", "patient", patient).patient(patient.uuid()),
    );
    tx.commit().await?;
    Ok(listing)
}

/// Cancels a queued or running job; 409 once it finished. Audited.
#[tracing::instrument(skip_all, fields(job = %id))]
pub async fn cancel(
    tx: TenantTx,
    _: &Permit<perm::Inference, perm::Cancel>,
    id: JobId,
) -> ApiResult<Job> {
    let hospital = tx.caller().hospital()?;
    let j = store::job(&tx, id).await?;
    if !store::cancel(&tx, id).await? {
        return Err(ApiError::conflict(format!("the job is {}", j.status)));
    }
    tx.audit_write(hospital, entry("inference.cancel", &j))
        .await?;
    let j = store::job(&tx, id).await?;
    tx.commit().await?;
    Ok(j)
}

/// The sleep report (SVG) of a succeeded sleep-staging job (409 for any other), with doctors'
/// corrections drawn in; audited as read.
#[tracing::instrument(skip_all, fields(job = %id))]
pub async fn report(
    mut tx: TenantTx,
    _: &Permit<perm::Inference, perm::Read>,
    id: JobId,
) -> ApiResult<String> {
    let hospital = tx.caller().hospital()?;
    let j = store::job(&tx, id).await?;
    let (Some(result), "sleep_staging", "succeeded") =
        (&j.result, j.kind.as_str(), j.status.as_str())
    else {
        return Err(ApiError::conflict(
            "a report exists for succeeded sleep-staging jobs only",
        ));
    };
    let fixes = store::corrections(&tx, id).await?;
    let svg = hypnogram(&j, result, &fixes);
    tx.audit_read(hospital, entry("inference.report", &j));
    tx.commit().await?;
    Ok(svg)
}

/// The job's stages with the doctors' corrections, drawn with the night's summary.
fn hypnogram(j: &Job, result: &serde_json::Value, fixes: &[StageCorrection]) -> String {
    let mut stages: Vec<String> = result["stages"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    for f in fixes {
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
    carebridge_ml::hypnogram::svg(&stages, &summary, "Sleep staging report", &footer)
}

/// Corrects epochs of a succeeded sleep-staging job (409 for any other): 1 to 10000, each within
/// the result and a stage name (422). Audited; answers how many epochs are corrected in all.
#[tracing::instrument(skip_all, fields(job = %id))]
pub async fn correct(
    tx: TenantTx,
    _: &Permit<perm::Inference, perm::Correct>,
    id: JobId,
    fixes: Vec<Fix>,
) -> ApiResult<Corrected> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let j = store::job(&tx, id).await?;
    let epochs = j
        .staged_epochs()
        .ok_or_else(|| ApiError::conflict("only succeeded sleep-staging jobs can be corrected"))?;
    if fixes.is_empty() || fixes.len() > 10_000 {
        return Err(ApiError::unprocessable(
            "corrections must hold 1 to 10000 epochs",
        ));
    }
    let by = UserId::from(tx.caller().user_id);
    for f in fixes {
        let Some(fix) = f.within(epochs) else {
            return Err(ApiError::unprocessable(format!(
                "epoch must be 0 to {} and stage one of W, N1, N2, N3, REM",
                epochs - 1
            )));
        };
        store::correct(&tx, hospital, id, fix, by).await?;
    }
    tx.audit_write(hospital.uuid(), entry("inference.correct", &j))
        .await?;
    let corrected = store::corrected(&tx, id).await?;
    tx.commit().await?;
    Ok(Corrected { corrected })
}

/// Loads weights and runs them on held-out evaluation data that training never used.
fn validate(kind: Kind, bytes: Vec<u8>) -> anyhow::Result<(serde_json::Value, Vec<u8>)> {
    let metrics = match Model::load(kind.as_str(), &bytes)? {
        Model::Sleep(stager) => {
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
        Model::Xray(triager) => {
            let seed = carebridge_ml::xray::EVAL_SEED + 10_000;
            let accuracy = carebridge_ml::xray::accuracy(&triager, seed, 200)?;
            serde_json::json!({ "eval_accuracy": accuracy, "data": "200 held-out synthetic phantoms (registry validation)" })
        }
        Model::Specialty(suggester) => {
            use carebridge_ml::specialty;
            let (_, held) = specialty::split(
                &specialty::parse(specialty::PHRASES)?,
                specialty::SPLIT_SEED,
            );
            let e = specialty::evaluate(&suggester, &held)?;
            serde_json::json!({ "evaluation": e, "data": format!("{} held-out curated phrases (registry validation)", held.len()) })
        }
    };
    Ok((metrics, bytes))
}

/// Registers weights as `shadow` once they loaded and ran on held-out data (422 otherwise), with
/// no transaction open while they are evaluated; 409 when the version exists. Logged: the audit
/// trail is per hospital and registry changes are platform events.
#[tracing::instrument(skip_all, fields(kind = upload.kind.as_str()))]
pub async fn register(
    tx: TenantTx,
    _: &Permit<perm::Model, perm::Create>,
    state: &AppState,
    upload: Upload,
) -> ApiResult<ModelVersion> {
    let Upload {
        kind,
        version,
        weights,
    } = upload;
    let sha: Vec<u8> = sha2::Sha256::digest(&weights).to_vec();
    // Evaluating the network takes seconds: no transaction stays open meanwhile.
    let evaluated = async move {
        tokio::task::spawn_blocking(move || validate(kind, weights))
            .await
            .map_err(|e| ApiError::Internal(e.into()))?
            .map_err(|_| {
                ApiError::unprocessable(format!(
                    "the weights do not load or run as a {} model",
                    kind.as_str()
                ))
            })
    };
    let ((metrics, weights), tx) = tx.outside(state, evaluated).await?;
    if !store::register_model(&tx, kind, &version, sha, weights, metrics).await? {
        return Err(ApiError::conflict(format!(
            "{} {version} already exists",
            kind.as_str()
        )));
    }
    tracing::info!(actor = %tx.caller().user_id, kind = %kind.as_str(), version = %version, "model registered as shadow");
    let m = store::model(&tx, kind, &version).await?;
    tx.commit().await?;
    Ok(m)
}

/// Sets a version's status (activating one retires the kind's active one); 404 for an unknown
/// kind or version. Answers every version of the kind; logged, not audited.
#[tracing::instrument(skip_all, fields(status = status.as_str()))]
pub async fn set_status(
    tx: TenantTx,
    _: &Permit<perm::Model, perm::Update>,
    kind: &str,
    version: &str,
    status: ModelStatus,
) -> ApiResult<Vec<ModelVersion>> {
    if !store::set_model_status(&tx, kind, version, status).await? {
        return Err(ApiError::NotFound);
    }
    tracing::info!(actor = %tx.caller().user_id, kind = %kind, version = %version, status = %status.as_str(), "model status changed");
    let rows = store::models_of(&tx, kind).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Every registered version per kind.
#[tracing::instrument(skip_all)]
pub async fn models(
    tx: TenantTx,
    _: &Permit<perm::Model, perm::List>,
) -> ApiResult<Vec<ModelVersion>> {
    let rows = store::models(&tx).await?;
    tx.commit().await?;
    Ok(rows)
}
