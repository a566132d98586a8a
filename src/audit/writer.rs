//! Group commit for the audit rows of reads: requests hand their rows to one writer task,
//! which inserts everything that queued up meanwhile in one transaction and one WAL flush,
//! then answers each request. A request answers its client only after that commit.

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait, Value};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::AuditRow;
use crate::{
    db::stmt,
    error::{ApiError, ApiResult},
};

type Job = (Vec<AuditRow>, oneshot::Sender<Result<(), String>>);

#[derive(Clone)]
pub struct AuditWriter {
    tx: mpsc::Sender<Job>,
}

/// Most rows in one commit.
const MAX_BATCH: usize = 512;

impl AuditWriter {
    pub fn spawn(db: DatabaseConnection) -> Self {
        let (tx, rx) = mpsc::channel::<Job>(4096);
        tokio::spawn(run(db, rx));
        Self { tx }
    }

    /// Returns once the rows are durable.
    pub async fn append(&self, rows: Vec<AuditRow>) -> ApiResult<()> {
        let (done, wait) = oneshot::channel();
        self.tx
            .send((rows, done))
            .await
            .map_err(|_| ApiError::Internal(anyhow::anyhow!("audit writer stopped")))?;
        match wait.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(ApiError::Internal(anyhow::anyhow!(
                "audit batch failed: {e}"
            ))),
            Err(_) => Err(ApiError::Internal(anyhow::anyhow!(
                "audit writer dropped a batch"
            ))),
        }
    }
}

async fn run(db: DatabaseConnection, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        let mut n = jobs[0].0.len();
        while n < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => {
                    n += job.0.len();
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        let result = write_batch(&db, &jobs).await.map_err(|e| format!("{e:#}"));
        if let Err(e) = &result {
            tracing::error!(error = %e, rows = n, "audit batch failed");
        }
        for (_, done) in jobs {
            let _ = done.send(result.clone());
        }
    }
}

async fn write_batch(db: &DatabaseConnection, jobs: &[Job]) -> anyhow::Result<()> {
    let mut by_hospital: BTreeMap<Uuid, Vec<AuditRow>> = BTreeMap::new();
    for row in jobs.iter().flat_map(|(rows, _)| rows) {
        by_hospital
            .entry(row.hospital_id)
            .or_default()
            .push(row.clone());
    }
    let txn = db.begin().await?;
    for (hospital, rows) in by_hospital {
        // audit_append links the rows into the chain of exactly the hospital in context.
        txn.execute_raw(stmt(
            "select set_config('app.hospital_id', $1, true), set_config('app.role', 'audit_writer', true)",
            [Value::from(hospital.to_string())],
        ))
        .await?;
        let json = serde_json::to_value(&rows)?;
        txn.execute_raw(stmt("select audit_append($1::jsonb)", [Value::from(json)]))
            .await?;
    }
    txn.commit().await?;
    Ok(())
}
