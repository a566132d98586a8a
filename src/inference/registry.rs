//! The model registry: versions per kind in `model_version` (sha256, metrics, status shadow,
//! active or retired), loaded models cached per version.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use carebridge_ml::{specialty::Suggester, stage::Stager, xray::Triager};
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, TransactionTrait};
use sha2::{Digest, Sha256};

use crate::db::stmt;

/// The sleep-staging weights trained by `carebridge train sleep` and committed in models/.
pub const BUILTIN_SLEEP: &[u8] = include_bytes!("../../models/sleep_staging-v1.bpk");
pub const BUILTIN_SLEEP_VERSION: &str = "sleep-v1";
pub const BUILTIN_SLEEP_METRICS: &str = include_str!("../../models/sleep_staging-v1.metrics.json");
/// The chest X-ray triage weights (synthetic phantoms only; see models/CHEST_XRAY.md).
pub const BUILTIN_XRAY: &[u8] = include_bytes!("../../models/chest_xray-v1.bpk");
pub const BUILTIN_XRAY_VERSION: &str = "xray-v1";
pub const BUILTIN_XRAY_METRICS: &str = include_str!("../../models/chest_xray-v1.metrics.json");
/// The specialty-suggestion weights trained by `carebridge train specialty` (models/SPECIALTY.md).
pub const BUILTIN_SPECIALTY: &[u8] = include_bytes!("../../models/specialty-v1.bpk");
pub const BUILTIN_SPECIALTY_VERSION: &str = "specialty-v1";
pub const BUILTIN_SPECIALTY_METRICS: &str = include_str!("../../models/specialty-v1.metrics.json");

/// A loaded model of any kind.
pub enum Model {
    Sleep(Box<Stager>),
    Xray(Box<Triager>),
    Specialty(Box<Suggester>),
}

impl Model {
    /// Loads weights of `kind`; an error when they are not such a model.
    pub fn load(kind: &str, weights: &[u8]) -> anyhow::Result<Self> {
        Ok(match kind {
            "sleep_staging" => Self::Sleep(Box::new(Stager::from_bytes(weights)?)),
            "chest_xray" => Self::Xray(Box::new(Triager::from_bytes(weights)?)),
            "specialty" => Self::Specialty(Box::new(Suggester::from_bytes(weights)?)),
            other => anyhow::bail!("unknown model kind {other}"),
        })
    }
}

type Loaded = Arc<Mutex<Model>>;

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
    /// The active version of `kind` and its loaded model, read through `db` (a pool, or a
    /// request's own transaction).
    pub async fn active(
        &self,
        db: &impl ConnectionTrait,
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
        let kind_owned = kind.to_string();
        let model =
            tokio::task::spawn_blocking(move || Model::load(&kind_owned, &w.weights)).await??;
        let loaded = Arc::new(Mutex::new(model));
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
    for (kind, version, weights, metrics) in [
        (
            "sleep_staging",
            BUILTIN_SLEEP_VERSION,
            BUILTIN_SLEEP,
            BUILTIN_SLEEP_METRICS,
        ),
        (
            "chest_xray",
            BUILTIN_XRAY_VERSION,
            BUILTIN_XRAY,
            BUILTIN_XRAY_METRICS,
        ),
        (
            "specialty",
            BUILTIN_SPECIALTY_VERSION,
            BUILTIN_SPECIALTY,
            BUILTIN_SPECIALTY_METRICS,
        ),
    ] {
        let metrics: serde_json::Value = serde_json::from_str(metrics)?;
        txn.execute_raw(stmt(
            "select model_register($1, $2, $3, $4, $5)",
            [
                kind.into(),
                version.into(),
                Sha256::digest(weights).to_vec().into(),
                weights.to_vec().into(),
                metrics.into(),
            ],
        ))
        .await?;
        let active = txn
            .query_one_raw(stmt("select model_active($1) as version", [kind.into()]))
            .await?
            .and_then(|r| r.try_get::<Option<String>>("", "version").ok().flatten());
        if active.is_none() {
            txn.execute_raw(stmt(
                "select model_set_status($1, $2, 'active')",
                [kind.into(), version.into()],
            ))
            .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}
