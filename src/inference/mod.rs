//! ML assistance: the model registry and the fair per-hospital inference queue.
//!
//! Jobs live in PostgreSQL (`inference_job`). Workers (inside `serve`, or `carebridge
//! worker`) claim them through `inference_claim`, which serves hospitals with queued work in
//! turn, each under its concurrency cap; a claimed job carries a lease that progress renews,
//! and a job whose worker died is queued again when the lease runs out; a worker that drains
//! (SIGTERM) queues its job again at once. Inference runs on the blocking pool, never on the
//! async runtime.

pub mod api;
pub mod registry;
pub(crate) mod service;
mod store;
pub mod types;

use std::{sync::Arc, time::Duration};

use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{
    app::drain::Drain,
    audit::{AuditEntry, AuditRow},
    db::{RequestMeta, stmt},
    records::{Vault, documents},
};

pub const KINDS: [&str; 2] = ["sleep_staging", "chest_xray"];
/// A claimed job must show progress this often, or it is queued again.
pub const LEASE_SECONDS: i32 = 120;
pub const MAX_ATTEMPTS: i32 = 3;

#[derive(FromQueryResult, Debug)]
struct Claimed {
    hospital_id: Uuid,
    id: Uuid,
    kind: String,
    attempts: i32,
    patient_id: Uuid,
}

#[derive(FromQueryResult)]
struct Input {
    object_key: String,
    kek_version: i32,
    wrapped_dek: Vec<u8>,
    size: i64,
    document_id: Uuid,
}

/// Starts `workers` queue workers. Each ends when `drain` begins, after queueing the job it was
/// running again; `drain` waits for that.
pub fn spawn(
    db: DatabaseConnection,
    vault: Vault,
    registry: Arc<registry::Registry>,
    workers: usize,
    drain: &Drain,
) {
    for n in 0..workers {
        let (db, vault, registry, stop) =
            (db.clone(), vault.clone(), registry.clone(), drain.clone());
        drain.track(tokio::spawn(async move {
            loop {
                // Checked, not raced: a claim cut off mid-flight could commit unseen.
                if stop.is_draining() {
                    break;
                }
                match claim(&db).await {
                    Ok(Some(job)) => {
                        let (id, hospital, attempt) = (job.id, job.hospital_id, job.attempts);
                        let outcome = tokio::select! {
                            biased;
                            _ = stop.started() => {
                                release(&db, hospital, id, attempt).await;
                                break;
                            }
                            r = run(&db, &vault, &registry, job) => r,
                        };
                        if let Err(e) = outcome {
                            tracing::warn!(worker = n, job = %id, error = %e, "inference job failed");
                        }
                    }
                    Ok(None) => tokio::time::sleep(Duration::from_millis(200)).await,
                    Err(e) => {
                        tracing::warn!(worker = n, error = %e, "claiming inference work failed; will retry");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
            }
        }));
    }
}

/// Queues a job this worker holds again (draining): claimable at once, its attempt undone. The
/// model may still be computing on the blocking pool; its result is never recorded.
async fn release(db: &DatabaseConnection, hospital: Uuid, id: Uuid, attempt: i32) {
    let released = db
        .execute_raw(stmt(
            "select inference_release($1, $2, $3)",
            [hospital.into(), id.into(), attempt.into()],
        ))
        .await;
    match released {
        Ok(_) => tracing::info!(job = %id, "draining: inference job queued again"),
        Err(e) => tracing::warn!(job = %id, error = %e, "draining: the job keeps its lease"),
    }
}

async fn claim(db: &DatabaseConnection) -> anyhow::Result<Option<Claimed>> {
    Ok(Claimed::find_by_statement(stmt(
        "select hospital_id, id, kind, attempts, patient_id from inference_claim($1, $2)",
        [LEASE_SECONDS.into(), MAX_ATTEMPTS.into()],
    ))
    .one(db)
    .await?)
}

async fn progress(db: &DatabaseConnection, job: &Claimed, p: f32) -> anyhow::Result<bool> {
    let row = db
        .query_one_raw(stmt(
            "select inference_progress($1, $2, $3, $4) as alive",
            [
                job.hospital_id.into(),
                job.id.into(),
                p.into(),
                LEASE_SECONDS.into(),
            ],
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<bool>("", "alive"))
        .transpose()?
        .unwrap_or(false))
}

/// Reads and decrypts the job's document (verified whole, as every download is).
async fn input(
    db: &DatabaseConnection,
    vault: &Vault,
    job: &Claimed,
) -> anyhow::Result<(Uuid, Vec<u8>)> {
    let txn = crate::db::system_tx(db, job.hospital_id).await?;
    let inp = Input::find_by_statement(stmt(
        "select * from inference_input($1, $2)",
        [job.hospital_id.into(), job.id.into()],
    ))
    .one(&txn)
    .await?
    .ok_or_else(|| anyhow::anyhow!("the job's document is gone"))?;
    let kek =
        crate::records::keys::at_version(&txn, &vault.master, job.hospital_id, inp.kek_version)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    txn.commit().await?;
    let dek = kek
        .unwrap_key(
            &inp.wrapped_dek,
            &crate::crypto::dek_aad(job.hospital_id, inp.document_id, inp.kek_version),
        )
        .map_err(|_| anyhow::anyhow!("the document's key does not open"))?;
    let sealed = documents::Sealed {
        object_key: inp.object_key,
        kek_version: inp.kek_version,
        wrapped_dek: inp.wrapped_dek,
        size: inp.size,
    };
    let stream = documents::open_verified(vault, job.hospital_id, inp.document_id, &sealed, dek)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    use futures_util::StreamExt;
    let mut bytes = Vec::with_capacity(sealed.size as usize);
    let mut stream = std::pin::pin!(stream);
    while let Some(chunk) = stream.next().await {
        bytes.extend_from_slice(&chunk?);
    }
    Ok((inp.document_id, bytes))
}

async fn run(
    db: &DatabaseConnection,
    vault: &Vault,
    registry: &registry::Registry,
    job: Claimed,
) -> anyhow::Result<()> {
    let outcome = execute(db, vault, registry, &job).await;
    let (ok, result, error, version, sha) = match outcome {
        Ok((result, version, sha)) => (true, Some(result), None, Some(version), Some(sha)),
        Err(e) => {
            // Failures are the job's, told plainly; nothing of the input goes into them.
            (false, None, Some(e.to_string()), None, None)
        }
    };
    let txn = crate::db::system_tx(db, job.hospital_id).await?;
    let applied = txn
        .query_one_raw(stmt(
            "select inference_finish($1, $2, $3, $4, $5, $6, $7, $8) as applied",
            vec![
                job.hospital_id.into(),
                job.id.into(),
                job.attempts.into(),
                ok.into(),
                result.into(),
                error.clone().into(),
                version.clone().into(),
                sha.map(|s: [u8; 32]| s.to_vec()).into(),
            ],
        ))
        .await?
        .map(|r| r.try_get::<bool>("", "applied"))
        .transpose()?
        .unwrap_or(false);
    if applied {
        let mut entry = AuditEntry::new(
            if ok {
                "inference.succeeded"
            } else {
                "inference.failed"
            },
            "inference_job",
            job.id,
        );
        entry.patient_id = Some(job.patient_id);
        entry.purpose = version.map(|v| format!("model {v}"));
        if !ok {
            entry.outcome = "failure";
        }
        AuditRow::by(
            job.hospital_id,
            None,
            "system",
            &RequestMeta::default(),
            entry,
        )
        .insert(&txn)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    txn.commit().await?;
    match error {
        Some(e) if applied => Err(anyhow::anyhow!(e)),
        _ => Ok(()),
    }
}

async fn execute(
    db: &DatabaseConnection,
    vault: &Vault,
    registry: &registry::Registry,
    job: &Claimed,
) -> anyhow::Result<(serde_json::Value, String, [u8; 32])> {
    let (_, bytes) = input(db, vault, job).await?;
    let sha: [u8; 32] = Sha256::digest(&bytes).into();
    if !progress(db, job, 0.2).await? {
        anyhow::bail!("cancelled");
    }
    let (version, model) = registry.active(db, &job.kind).await?;
    let result = tokio::task::spawn_blocking(move || {
        let model = model
            .lock()
            .map_err(|_| anyhow::anyhow!("the model is unavailable"))?;
        match &*model {
            registry::Model::Sleep(stager) => {
                let staging = stager.stage_edf(&bytes).map_err(|e| anyhow::anyhow!("{e}"))?;
                Ok::<_, anyhow::Error>(serde_json::json!({
                    "channel": staging.channel,
                    "epoch_seconds": 30,
                    "stages": staging.stages,
                    "probabilities": staging.probabilities,
                    "summary": staging.summary,
                    "input_sha256": hex::encode(sha),
                }))
            }
            registry::Model::Xray(triager) => {
                let t = triager.triage(&bytes).map_err(|e| anyhow::anyhow!("{e}"))?;
                Ok(serde_json::json!({
                    "label": t.label,
                    "abnormal_probability": t.abnormal_probability,
                    "input_sha256": hex::encode(sha),
                    "note": "trained on synthetic phantoms only: accuracy on real radiographs is unmeasured",
                }))
            }
            // Suggestions run in the request; the job table admits no such kind.
            registry::Model::Specialty(_) => anyhow::bail!("specialty suggestions are not jobs"),
        }
    })
    .await??;
    Ok((result, version, sha))
}
