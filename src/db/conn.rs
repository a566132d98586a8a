//! The request's own connection, inside the transaction that [`TenantConn::begin`] opened.
//!
//! sea-orm's `begin()` costs a round trip of its own before the session can be checked. Here
//! `BEGIN` and the session check travel as one simple-protocol message, so an authenticated
//! request starts with one round trip instead of two. Statements then run through sea-orm's
//! [`ConnectionTrait`] like on any sea-orm connection (prepared and cached per connection).
//!
//! A connection goes back to the pool only outside a transaction: `commit` ends it, and a
//! `TenantConn` dropped without committing (an error, a cancelled request) rolls back on a task
//! of its own before the connection is released, or closes the connection when it cannot.

use std::sync::Arc;

use sea_orm::{
    ConnectionTrait, DbBackend, DbErr, ExecResult, QueryResult, RuntimeErr, Statement,
    sqlx::{self, PgPool, Postgres, pool::PoolConnection},
};
use sea_query_sqlx::SqlxValues;
use tokio::sync::Mutex;

pub struct TenantConn {
    conn: Mutex<Option<PoolConnection<Postgres>>>,
}

fn query(stmt: &Statement) -> sqlx::query::Query<'_, Postgres, SqlxValues> {
    let values = stmt.values.clone().unwrap_or(sea_orm::Values(Vec::new()));
    sqlx::query_with(sqlx::AssertSqlSafe(stmt.sql.as_str()), SqlxValues(values))
}

// The same error shapes as sea-orm's own connections, which `error::sqlstate` reads.
fn sqlx_error_to_conn_err(e: sqlx::Error) -> DbErr {
    DbErr::Conn(RuntimeErr::SqlxError(Arc::new(e)))
}
fn sqlx_error_to_exec_err(e: sqlx::Error) -> DbErr {
    DbErr::Exec(RuntimeErr::SqlxError(Arc::new(e)))
}
fn sqlx_error_to_query_err(e: sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(Arc::new(e)))
}

fn closed() -> DbErr {
    DbErr::Custom("the request's transaction has already ended".into())
}

impl TenantConn {
    /// Takes a connection from `pool` and runs `BEGIN; <first>` on it in one round trip,
    /// returning the rows of `first`. `first` is sent as text, without parameters: callers
    /// build it only from values they encoded themselves (hex, integers).
    pub async fn begin(pool: &PgPool, first: String) -> Result<(Self, Vec<QueryResult>), DbErr> {
        let conn = pool.acquire().await.map_err(sqlx_error_to_conn_err)?;
        // From here on a drop rolls back, whatever the outcome of the BEGIN.
        let this = Self {
            conn: Mutex::new(Some(conn)),
        };
        let rows = {
            let mut guard = this.conn.lock().await;
            let conn = guard.as_mut().ok_or_else(closed)?;
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("begin; {first}")))
                .fetch_all(&mut **conn)
                .await
                .map_err(sqlx_error_to_query_err)?
        };
        Ok((this, rows.into_iter().map(Into::into).collect()))
    }

    /// Commits and hands the connection back to the pool.
    pub async fn commit(&self) -> Result<(), DbErr> {
        let mut guard = self.conn.lock().await;
        let conn = guard.as_mut().ok_or_else(closed)?;
        sqlx::raw_sql("commit")
            .execute(&mut **conn)
            .await
            .map_err(sqlx_error_to_exec_err)?;
        guard.take();
        Ok(())
    }
}

impl Drop for TenantConn {
    fn drop(&mut self) {
        let Some(mut conn) = self.conn.get_mut().take() else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            Ok(rt) => {
                rt.spawn(async move {
                    if sqlx::raw_sql("rollback").execute(&mut *conn).await.is_err() {
                        // Its state is unknown: it must not serve another request.
                        conn.close_on_drop();
                    }
                });
            }
            Err(_) => conn.close_on_drop(),
        }
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for TenantConn {
    fn get_database_backend(&self) -> DbBackend {
        DbBackend::Postgres
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        let mut guard = self.conn.lock().await;
        let conn = guard.as_mut().ok_or_else(closed)?;
        query(&stmt)
            .execute(&mut **conn)
            .await
            .map(Into::into)
            .map_err(sqlx_error_to_exec_err)
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        let mut guard = self.conn.lock().await;
        let conn = guard.as_mut().ok_or_else(closed)?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(&mut **conn)
            .await
            .map(Into::into)
            .map_err(sqlx_error_to_exec_err)
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let mut guard = self.conn.lock().await;
        let conn = guard.as_mut().ok_or_else(closed)?;
        query(&stmt)
            .fetch_optional(&mut **conn)
            .await
            .map(|row| row.map(Into::into))
            .map_err(sqlx_error_to_query_err)
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let mut guard = self.conn.lock().await;
        let conn = guard.as_mut().ok_or_else(closed)?;
        query(&stmt)
            .fetch_all(&mut **conn)
            .await
            .map(|rows| rows.into_iter().map(Into::into).collect())
            .map_err(sqlx_error_to_query_err)
    }
}
