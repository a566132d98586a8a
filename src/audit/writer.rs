//! Group commit for the audit rows of reads: requests hand their rows to the writers, which
//! append everything that queued up meanwhile in one statement (one transaction, one WAL
//! flush), then answer each request. A request answers its client only after that commit.
//! Two writers let one batch be prepared while the previous one commits.

use std::sync::Arc;

use sea_orm::{ConnectionTrait, DatabaseConnection, Value};
use tokio::sync::{Mutex, mpsc, oneshot};

use super::AuditRow;
use crate::{
    db::stmt,
    error::{ApiError, ApiResult},
};

/// A batch's failure: its words, and whether the database connection was lost (503, retry)
/// rather than the statement refused (500).
type Failure = (String, bool);
type Job = (Vec<AuditRow>, oneshot::Sender<Result<(), Failure>>);

#[derive(Clone)]
pub struct AuditWriter {
    tx: mpsc::Sender<Job>,
}

/// Most rows in one commit.
const MAX_BATCH: usize = 512;
const WRITERS: usize = 2;

impl AuditWriter {
    pub fn spawn(db: DatabaseConnection) -> Self {
        let (tx, rx) = mpsc::channel::<Job>(4096);
        let rx = Arc::new(Mutex::new(rx));
        for _ in 0..WRITERS {
            tokio::spawn(run(db.clone(), rx.clone()));
        }
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
            Ok(Err((e, true))) => Err(ApiError::DatabaseUnavailable(anyhow::anyhow!(
                "audit batch failed: {e}"
            ))),
            Ok(Err((e, false))) => Err(ApiError::Internal(anyhow::anyhow!(
                "audit batch failed: {e}"
            ))),
            Err(_) => Err(ApiError::Internal(anyhow::anyhow!(
                "audit writer dropped a batch"
            ))),
        }
    }
}

/// Takes the next batch: waits for one job, then everything already queued.
async fn next_batch(rx: &Mutex<mpsc::Receiver<Job>>) -> Option<Vec<Job>> {
    let mut rx = rx.lock().await;
    let first = rx.recv().await?;
    let mut n = first.0.len();
    let mut jobs = vec![first];
    while n < MAX_BATCH {
        match rx.try_recv() {
            Ok(job) => {
                n += job.0.len();
                jobs.push(job);
            }
            Err(_) => break,
        }
    }
    Some(jobs)
}

async fn run(db: DatabaseConnection, rx: Arc<Mutex<mpsc::Receiver<Job>>>) {
    while let Some(jobs) = next_batch(&rx).await {
        let rows: Vec<&AuditRow> = jobs.iter().flat_map(|(rows, _)| rows).collect();
        let result = write_batch(&db, &rows)
            .await
            .map_err(|e| (e.to_string(), crate::error::is_connection_fault(&e)));
        if let Err((e, _)) = &result {
            tracing::error!(error = %e, rows = rows.len(), "audit batch failed");
        }
        for (_, done) in jobs {
            let _ = done.send(result.clone());
        }
    }
}

async fn write_batch(db: &DatabaseConnection, rows: &[&AuditRow]) -> Result<(), sea_orm::DbErr> {
    // Autocommit: the statement is its own transaction, durable when it returns.
    let json = serde_json::to_value(rows).map_err(|e| sea_orm::DbErr::Json(e.to_string()))?;
    db.execute_raw(stmt("select audit_append($1::jsonb)", [Value::from(json)]))
        .await?;
    Ok(())
}
