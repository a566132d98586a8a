//! The request's own connection, inside the transaction that [`TenantConn::begin`] opened.
//!
//! sea-orm's `begin()` costs a round trip of its own before the session can be checked. Here
//! `BEGIN` and the session check travel as one simple-protocol message, so an authenticated
//! request starts with one round trip instead of two. Statements then run through sea-orm's
//! [`ConnectionTrait`] like on any sea-orm connection (prepared and cached per connection).
//! A read-only request can go further with [`TenantConn::read_once`]: `BEGIN`, the session
//! check, its one SELECT and `COMMIT` in a single message. Inside these messages the session
//! check and the SELECT run by name ([`NamedStatement`]), so PostgreSQL plans them once per
//! connection.
//!
//! A connection goes back to the pool only outside a transaction: `commit` ends it, and a
//! `TenantConn` dropped without committing (an error, a cancelled request) rolls back on a task
//! of its own before the connection is released, or closes the connection when it cannot.

use std::sync::Arc;

use sea_orm::{
    ConnectionTrait, DbBackend, DbErr, ExecResult, QueryResult, RuntimeErr, Statement,
    sqlx::{self, PgConnection, PgPool, Postgres, pool::PoolConnection},
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

/// A statement that travels by name (`EXECUTE cb_…(…)`) inside a simple-protocol message, so
/// that PostgreSQL plans it once per connection instead of on every request. It is prepared on
/// a connection the first time a message there finds it missing. Its name and declaration are
/// worked out once per process (keep it in a static); a request adds only its arguments
/// ([`Prepared`]).
pub struct NamedStatement {
    /// `cb_` and the first 16 hex digits of the SHA-256 of the declaration.
    name: String,
    /// `(<types>) as <statement>`.
    declaration: String,
}

impl NamedStatement {
    fn new(declaration: String) -> Self {
        use sha2::{Digest, Sha256};
        let name = format!(
            "cb_{}",
            &hex::encode(Sha256::digest(declaration.as_bytes()))[..16]
        );
        Self { name, declaration }
    }

    /// `<select> where <key> = $1`, for one id.
    pub fn by_id(select: &str, key: &str) -> Self {
        Self::new(format!("(uuid) as {select} where {key} = $1"))
    }

    /// This statement for `id`. A [`Uuid`](uuid::Uuid)'s text is hex digits and dashes only.
    pub fn with_id(&'static self, id: uuid::Uuid) -> Prepared {
        Prepared::call(self, &format!("'{id}'::uuid"))
    }
}

/// A [`NamedStatement`] with its arguments, as text: callers build them only from values they
/// encoded themselves (hex, integers, UUIDs).
pub struct Prepared {
    statement: &'static NamedStatement,
    /// `execute <name>(<arguments>)`.
    call: String,
}

impl Prepared {
    fn call(statement: &'static NamedStatement, arguments: &str) -> Self {
        let call = format!("execute {}({arguments})", statement.name);
        Self { statement, call }
    }

    /// The full session check: `auth_open` for a token hash and an idle timeout (seconds). Hex
    /// through decode() reads the same whatever standard_conforming_strings says.
    pub fn session_check(token_hash: &[u8], idle_seconds: i32) -> Self {
        static CHECK: std::sync::LazyLock<NamedStatement> = std::sync::LazyLock::new(|| {
            NamedStatement::new("(bytea, integer) as select * from auth_open($1, $2)".into())
        });
        Self::call(
            &CHECK,
            &format!(
                "decode('{}', 'hex'), {idle_seconds}",
                hex::encode(token_hash)
            ),
        )
    }

    /// A remembered session's check: `auth_resume` sets the context from the session's row
    /// while it has not expired (idle timeout in seconds) and its epoch is still `epoch`.
    pub fn session_resume(token_hash: &[u8], epoch: i64, idle_seconds: i32) -> Self {
        static RESUME: std::sync::LazyLock<NamedStatement> = std::sync::LazyLock::new(|| {
            NamedStatement::new(
                "(bytea, bigint, integer) as select auth_resume($1, $2, $3) as resumed".into(),
            )
        });
        Self::call(
            &RESUME,
            &format!(
                "decode('{}', 'hex'), {epoch}, {idle_seconds}",
                hex::encode(token_hash)
            ),
        )
    }
}

/// What one multi-statement message answered: the rows of each statement that completed.
type Answered = Vec<Vec<QueryResult>>;

async fn one_message(conn: &mut PgConnection, message: &str) -> Result<Answered, sqlx::Error> {
    use futures_util::TryStreamExt;
    use sea_orm::sqlx::Either;

    let (mut done, mut rows) = (Vec::new(), Vec::new());
    let mut results = sqlx::raw_sql(sqlx::AssertSqlSafe(message.to_owned())).fetch_many(conn);
    // Results arrive in order; each statement ends with its command-complete.
    while let Some(item) = results.try_next().await? {
        match item {
            Either::Left(_) => done.push(std::mem::take(&mut rows)),
            Either::Right(row) => rows.push(row.into()),
        }
    }
    Ok(done)
}

/// Sends `message`. When a statement it executes by name is not prepared on this connection yet
/// (26000), or was prepared before a migration changed what it returns (0A000, "cached plan must
/// not change result type"), ends the failed transaction, prepares `needs` afresh and sends it
/// again.
async fn send_prepared(
    conn: &mut PgConnection,
    message: &str,
    needs: &[&Prepared],
) -> Result<Answered, sqlx::Error> {
    match one_message(conn, message).await {
        Err(sqlx::Error::Database(d))
            if matches!(d.code().as_deref(), Some("26000") | Some("0A000")) =>
        {
            sqlx::raw_sql("rollback").execute(&mut *conn).await?;
            let have: Vec<String> = sqlx::query_scalar("select name from pg_prepared_statements")
                .fetch_all(&mut *conn)
                .await?;
            for p in needs.iter().map(|p| p.statement) {
                let mut sql = String::new();
                if have.contains(&p.name) {
                    sql.push_str(&format!("deallocate {}; ", p.name));
                }
                sql.push_str(&format!("prepare {} {}", p.name, p.declaration));
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                    .execute(&mut *conn)
                    .await?;
            }
            one_message(conn, message).await
        }
        other => other,
    }
}

impl TenantConn {
    /// A connection from `pool`. From here on a drop rolls back, whatever the outcome of the
    /// BEGIN that follows.
    async fn acquire(pool: &PgPool) -> Result<Self, DbErr> {
        let conn = pool.acquire().await.map_err(sqlx_error_to_conn_err)?;
        Ok(Self {
            conn: Mutex::new(Some(conn)),
        })
    }

    /// Takes a connection from `pool` and runs `BEGIN; <check>` on it in one round trip,
    /// returning the rows of `check`.
    pub async fn begin(pool: &PgPool, check: &Prepared) -> Result<(Self, Vec<QueryResult>), DbErr> {
        let this = Self::acquire(pool).await?;
        let mut done = {
            let mut guard = this.conn.lock().await;
            let conn = guard.as_mut().ok_or_else(closed)?;
            let message = format!("begin; {}", check.call);
            send_prepared(conn, &message, &[check])
                .await
                .map_err(sqlx_error_to_query_err)?
        };
        if done.len() != 2 {
            return Err(DbErr::Custom(format!(
                "BEGIN and the session check completed {} of 2 statements",
                done.len()
            )));
        }
        Ok((this, done.swap_remove(1)))
    }

    /// A whole transaction in one round trip: `BEGIN; <check>; <read>; COMMIT` travel as a
    /// single message, and the rows of `check` and of `read` come back. If any statement fails,
    /// PostgreSQL skips the rest and the transaction rolls back (on drop) before the connection
    /// goes back to the pool. Without a read, the check alone is the message (a transaction of
    /// its own).
    pub async fn read_once(
        pool: &PgPool,
        check: &Prepared,
        read: Option<&Prepared>,
    ) -> Result<(Vec<QueryResult>, Vec<QueryResult>), DbErr> {
        let this = Self::acquire(pool).await?;
        let mut guard = this.conn.lock().await;
        let conn = guard.as_mut().ok_or_else(closed)?;
        let (message, needs, expected, at) = match read {
            Some(r) => (
                format!("begin; {}; {}; commit", check.call, r.call),
                vec![check, r],
                4,
                1,
            ),
            None => (check.call.clone(), vec![check], 1, 0),
        };
        let mut done = send_prepared(conn, &message, &needs)
            .await
            .map_err(sqlx_error_to_query_err)?;
        if done.len() != expected {
            return Err(DbErr::Custom(format!(
                "a one-trip transaction completed {} of {expected} statements",
                done.len()
            )));
        }
        let rows = done.get_mut(at + 1).map(std::mem::take).unwrap_or_default();
        let checked = std::mem::take(&mut done[at]);
        // Committed: the connection goes back to the pool as it is.
        guard.take();
        Ok((checked, rows))
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
