//! Database access. Handlers reach tenant data only through [`TenantTx`]: one transaction per
//! request whose context (hospital, user, role) was set from the caller's session row.

mod conn;
pub mod migrate;
mod tenant_tx;

use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbBackend, Statement, Value};
use secrecy::{ExposeSecret, SecretString};

pub use conn::TenantConn;
pub use tenant_tx::{Caller, Reopen, RequestMeta, TenantTx, session_caller};

/// Opens a pool of `size` connections.
pub async fn connect(url: &SecretString, size: u32) -> anyhow::Result<DatabaseConnection> {
    let mut opts = ConnectOptions::new(url.expose_secret().to_owned());
    opts.max_connections(size)
        .min_connections(0)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        // A connection in use within the last 30 s is handed out as it is; only one that sat
        // idle longer is pinged first. (Pinging on every acquire cost a round trip per request.)
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .sqlx_logging(false);
    Ok(Database::connect(opts).await?)
}

/// Opens a transaction acting for the system (background work: workers, reconcilers) in one
/// hospital's context, so that RLS still confines it to that hospital.
pub async fn system_tx(
    db: &DatabaseConnection,
    hospital: uuid::Uuid,
) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{ConnectionTrait, TransactionTrait};
    let txn = db.begin().await?;
    txn.execute_raw(stmt(
        "select set_config('app.hospital_id', $1, true), set_config('app.role', 'system', true)",
        [Value::from(hospital.to_string())],
    ))
    .await?;
    Ok(txn)
}

/// A Postgres statement with positional parameters.
pub fn stmt<I>(sql: &str, values: I) -> Statement
where
    I: IntoIterator<Item = Value>,
{
    Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
}
