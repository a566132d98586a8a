//! Database access. Handlers reach tenant data only through [`TenantTx`]: one transaction per
//! request whose context (hospital, user, role) was set from the caller's session row.

mod conn;
pub mod migrate;
pub mod schema;
mod sessions;
mod tenant_tx;

use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbBackend, Statement, Value};
use secrecy::{ExposeSecret, SecretString};

pub use conn::{NamedStatement, Prepared, TenantConn};
pub use sessions::Sessions;
pub use tenant_tx::{Caller, OneRead, Reopen, RequestMeta, TenantTx, session_caller};

/// Whether the connection string chooses its own TLS mode (`sslmode=`), or the environment does
/// (`PGSSLMODE`).
fn tls_mode_chosen(url: &str) -> bool {
    url.contains("sslmode=") || url.contains("ssl-mode=") || std::env::var_os("PGSSLMODE").is_some()
}

/// A server on this machine: loopback addresses, `localhost`, or a Unix socket directory.
fn is_local_host(host: &str) -> bool {
    host == "localhost"
        || host.starts_with('/')
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Opens a pool of `size` connections.
///
/// TLS: what the URL's `sslmode` (or `PGSSLMODE`) says. Without either, a server on this
/// machine is reached without TLS, since loopback traffic never leaves the kernel, and any other
/// server with sqlx's default (`prefer`). Remote servers should be named with
/// `sslmode=verify-full`.
pub async fn connect(url: &SecretString, size: u32) -> anyhow::Result<DatabaseConnection> {
    let mut opts = ConnectOptions::new(url.expose_secret().to_owned());
    if !tls_mode_chosen(url.expose_secret()) {
        opts.map_sqlx_postgres_opts(|pg| {
            if is_local_host(pg.get_host()) {
                pg.ssl_mode(sea_orm::sqlx::postgres::PgSslMode::Disable)
            } else {
                pg
            }
        });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_servers_on_this_machine_count_as_local() {
        for local in [
            "127.0.0.1",
            "127.0.0.53",
            "::1",
            "[::1]",
            "localhost",
            "/var/run/postgresql",
        ] {
            assert!(is_local_host(local), "{local}");
        }
        for remote in [
            "10.0.0.5",
            "db.example.org",
            "192.168.1.1",
            "2001:db8::1",
            "localhost.example.org",
        ] {
            assert!(!is_local_host(remote), "{remote}");
        }
    }

    #[test]
    fn an_explicit_sslmode_is_kept() {
        assert!(tls_mode_chosen("postgres://u@127.0.0.1/db?sslmode=require"));
        assert!(tls_mode_chosen(
            "postgres://u@127.0.0.1/db?ssl-mode=verify-full"
        ));
        if std::env::var_os("PGSSLMODE").is_none() {
            assert!(!tls_mode_chosen("postgres://u@127.0.0.1/db"));
        }
    }
}
