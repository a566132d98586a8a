//! The orphan sweep: objects written by uploads whose document row never committed (the process
//! died between the transfer and the commit). Each upload commits an intent before its first
//! byte and removes it with its row (migration 0021 explains the locking); the sweep deletes the
//! objects of intents older than the grace, then the intents. It runs on the system pool from
//! the worker loop (`serve` with `RUN_WORKERS`, or `carebridge worker`); any number of
//! instances may run it, one sweeps at a time.

use std::time::Duration;

use carebridge_storage::ObjectStore;
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, TransactionTrait, Value};
use uuid::Uuid;

use crate::db::stmt;

/// Intents handled per transaction.
const BATCH: i32 = 100;

/// How often a worker looks for orphans.
const EVERY: Duration = Duration::from_secs(60);

#[derive(FromQueryResult)]
struct Orphan {
    hospital_id: Uuid,
    document_id: Uuid,
    object_key: String,
    committed: bool,
}

/// One pass: deletes the objects of intents older than `grace` whose row does not exist (an
/// object whose row committed is never touched), then the intents, in batches; answers how many
/// objects were deleted. A failing delete rolls its batch back for the next pass.
pub async fn sweep_orphans(
    db: &DatabaseConnection,
    store: &ObjectStore,
    grace: Duration,
) -> anyhow::Result<usize> {
    let grace = i32::try_from(grace.as_secs()).unwrap_or(i32::MAX);
    let mut deleted = 0;
    loop {
        let txn = db.begin().await?;
        let batch = Orphan::find_by_statement(stmt(
            "select hospital_id, document_id, object_key, committed \
             from upload_orphans_claim($1, $2)",
            [Value::from(grace), Value::from(BATCH)],
        ))
        .all(&txn)
        .await?;
        for o in &batch {
            if !o.committed {
                store.delete(&o.object_key).await?;
                deleted += 1;
            }
            txn.execute_raw(stmt(
                "select upload_intent_forget($1, $2)",
                [o.hospital_id.into(), o.document_id.into()],
            ))
            .await?;
        }
        txn.commit().await?;
        if batch.len() < BATCH as usize {
            return Ok(deleted);
        }
    }
}

/// The periodic sweep, every minute.
pub fn spawn(db: DatabaseConnection, store: ObjectStore, grace: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            match sweep_orphans(&db, &store, grace).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(objects = n, "orphaned upload objects removed"),
                Err(e) => tracing::warn!(error = %e, "orphan sweep failed; will retry"),
            }
        }
    });
}
