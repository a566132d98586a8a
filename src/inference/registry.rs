//! The model registry: versions per kind in `model_version` (sha256, metrics, status shadow,
//! active or retired), loaded models cached per version.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use carebridge_ml::stage::Stager;
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, TransactionTrait};
use sha2::{Digest, Sha256};

use crate::db::stmt;

/// The sleep-staging weights trained by `carebridge train sleep` and committed in models/.
pub const BUILTIN_SLEEP: &[u8] = include_bytes!("../../models/sleep_staging-v1.bpk");
pub const BUILTIN_SLEEP_VERSION: &str = "sleep-v1";
pub const BUILTIN_SLEEP_METRICS: &str = include_str!("../../models/sleep_staging-v1.metrics.json");

type Loaded = Arc<Mutex<Stager>>;

#[derive(Default)]
pub struct Registry {
    cache: Mutex<HashMap<(String, String), Loaded>>,
}

#[derive(FromQueryResult)]
struct Active {
    version: Option<String>,
}

#[derive(FromQueryResult)]
struct Weights {
    weights: Vec<u8>,
    sha256: Vec<u8>,
}

impl Registry {
    /// The active version of `kind` and its loaded model.
    pub async fn active(
        &self,
        db: &DatabaseConnection,
        kind: &str,
    ) -> anyhow::Result<(String, Loaded)> {
        let v =
            Active::find_by_statement(stmt("select model_active($1) as version", [kind.into()]))
                .one(db)
                .await?
                .and_then(|a| a.version)
                .ok_or_else(|| anyhow::anyhow!("no active {kind} model"))?;
        let key = (kind.to_string(), v.clone());
        if let Some(m) = self
            .cache
            .lock()
            .map_err(|_| anyhow::anyhow!("registry cache"))?
            .get(&key)
        {
            return Ok((v, m.clone()));
        }
        let w = Weights::find_by_statement(stmt(
            "select weights, sha256 from model_weights($1, $2)",
            [kind.into(), v.clone().into()],
        ))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("model {v} has no weights"))?;
        anyhow::ensure!(
            Sha256::digest(&w.weights).as_slice() == w.sha256.as_slice(),
            "model {v}: weights do not match their sha256"
        );
        let stager = tokio::task::spawn_blocking(move || Stager::from_bytes(&w.weights)).await??;
        let loaded = Arc::new(Mutex::new(stager));
        self.cache
            .lock()
            .map_err(|_| anyhow::anyhow!("registry cache"))?
            .insert(key, loaded.clone());
        Ok((v, loaded))
    }
}

/// Registers the built-in models and activates them where a kind has no active version yet.
pub async fn ensure_builtin(db: &DatabaseConnection) -> anyhow::Result<()> {
    let txn = db.begin().await?;
    txn.execute_raw(stmt("select set_config('app.role', 'system', true)", []))
        .await?;
    let metrics: serde_json::Value = serde_json::from_str(BUILTIN_SLEEP_METRICS)?;
    txn.execute_raw(stmt(
        "select model_register('sleep_staging', $1, $2, $3, $4)",
        [
            BUILTIN_SLEEP_VERSION.into(),
            Sha256::digest(BUILTIN_SLEEP).to_vec().into(),
            BUILTIN_SLEEP.to_vec().into(),
            metrics.into(),
        ],
    ))
    .await?;
    let active = txn
        .query_one_raw(stmt(
            "select 1 from model_version where kind = 'sleep_staging' and status = 'active'",
            [],
        ))
        .await?;
    if active.is_none() {
        txn.execute_raw(stmt(
            "select model_set_status('sleep_staging', $1, 'active')",
            [BUILTIN_SLEEP_VERSION.into()],
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(())
}
