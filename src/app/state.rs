use std::sync::Arc;

use redis::aio::ConnectionManager;
use sea_orm::DatabaseConnection;

use crate::{app::Config, app::metrics::Metrics, audit::AuditWriter, auth::password::Hasher};

/// What every request can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// Configuration as read at start.
    pub config: Arc<Config>,
    /// Runtime pool (the NOBYPASSRLS role). Only `db::TenantTx` and the auth entry points use it.
    pub db: DatabaseConnection,
    /// System pool (`DATABASE_SYSTEM_URL`): what no session's context can authorize: the
    /// pre-session steps (login, registration, password reset), provider verdicts (webhooks,
    /// returns, reconciliation) and the workers. Its functions work across hospitals or for a
    /// hospital their caller names; the runtime pool cannot execute them.
    pub system: DatabaseConnection,
    /// Throttling counters and, later, fan-out and queues.
    pub redis: ConnectionManager,
    /// Password hashing behind a concurrency limit.
    pub hasher: Hasher,
    /// Group-commits the audit rows of read requests.
    pub audit: AuditWriter,
    /// Casbin enforcer: which actions each role may take.
    pub authz: crate::auth::authz::Authz,
    /// The Khalti client, when a secret key is configured.
    pub khalti: Option<crate::payments::khalti::Khalti>,
    /// The Stripe client, when a secret key is configured.
    pub stripe: Option<crate::payments::stripe::Stripe>,
    /// Encrypted document storage and the master key.
    pub vault: crate::records::Vault,
    /// Sessions checked in full recently, to resume without the full check.
    pub sessions: crate::db::Sessions,
    /// Request counters and latency histograms for /metrics.
    pub metrics: Arc<Metrics>,
    /// This instance's sockets, and frames to users on any instance.
    pub hub: crate::realtime::hub::Hub,
    /// Set at SIGTERM: readiness fails, sockets close, workers hand their work back.
    pub drain: crate::app::drain::Drain,
    /// Loaded model versions, shared by the inference workers and in-request suggestions.
    pub registry: Arc<crate::inference::registry::Registry>,
}
