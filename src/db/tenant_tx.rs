use std::net::IpAddr;

use sea_orm::{ConnectionTrait, FromQueryResult, QueryResult, Value};
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::{AuditEntry, AuditRow, AuditWriter},
    auth::{
        authz::{Authz, Permit},
        token::TokenHash,
    },
    db::{
        conn::{Prepared, TenantConn},
        stmt,
    },
    error::{ApiError, ApiResult},
};

/// Who is calling, as established from their session row inside the request's transaction.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: Uuid,
    /// None for a super admin, whose session belongs to no hospital.
    pub hospital_id: Option<Uuid>,
    pub hospital_slug: Option<String>,
    pub role: String,
    pub email: String,
    pub full_name: String,
    pub must_change_password: bool,
    pub(crate) session: TokenHash,
}

impl Caller {
    pub fn is_super_admin(&self) -> bool {
        self.role == "super_admin"
    }
    /// The caller's hospital; a super admin has none, and tenant operations answer 404 for them.
    pub fn hospital(&self) -> ApiResult<Uuid> {
        self.hospital_id.ok_or(ApiError::NotFound)
    }
}

/// Per-request facts that the audit trail records, set by the request middleware.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub request_id: String,
    pub ip: Option<IpAddr>,
}

#[derive(FromQueryResult)]
struct SessionRow {
    user_id: Uuid,
    hospital_id: Option<Uuid>,
    role: String,
    email: String,
    full_name: String,
    must_change_password: bool,
    hospital_slug: Option<String>,
}

impl SessionRow {
    fn into_caller(self, session: TokenHash) -> Caller {
        Caller {
            user_id: self.user_id,
            hospital_id: self.hospital_id,
            hospital_slug: self.hospital_slug,
            role: self.role,
            email: self.email,
            full_name: self.full_name,
            must_change_password: self.must_change_password,
            session,
        }
    }
}

/// A caller's session, to open another transaction for them (see [`TenantTx::reopen_later`]).
pub struct Reopen {
    session: TokenHash,
    meta: RequestMeta,
}

impl Reopen {
    pub async fn begin(self, state: &AppState) -> ApiResult<TenantTx> {
        TenantTx::begin_hashed(state, self.session, self.meta).await
    }
}

/// The request's transaction, carrying its tenant context. Dropping it rolls back.
pub struct TenantTx {
    txn: TenantConn,
    caller: Caller,
    meta: RequestMeta,
    deferred: Vec<AuditRow>,
    audit: AuditWriter,
    authz: Authz,
    audit_reads: bool,
}

/// Checks a bearer token alone, for requests that need to know only who calls (`/auth/me`):
/// one statement, its own transaction (it may touch the session's last use). Unknown, expired
/// or revoked: 401.
pub async fn session_caller(state: &AppState, token: &str) -> ApiResult<Caller> {
    let hash = TokenHash::of(token);
    let row = SessionRow::find_by_statement(auth_begin(state, &hash))
        .one(&state.db)
        .await?
        .ok_or(ApiError::Unauthorized(
            "the token is invalid, expired or revoked",
        ))?;
    Ok(row.into_caller(hash))
}

fn idle_seconds(state: &AppState) -> i32 {
    i32::try_from(state.config.session_idle.as_secs()).unwrap_or(i32::MAX)
}

/// The session check, to travel with `BEGIN` in one message.
fn session_check(state: &AppState, hash: &TokenHash) -> Prepared {
    Prepared::session_check(hash.as_bytes(), idle_seconds(state))
}

fn auth_begin(state: &AppState, hash: &TokenHash) -> sea_orm::Statement {
    stmt(
        "select * from auth_begin($1, $2)",
        [
            Value::from(hash.as_bytes().to_vec()),
            Value::from(idle_seconds(state)),
        ],
    )
}

/// The caller from the session check's rows: none means an unknown, expired or revoked token.
fn checked_caller(rows: &[QueryResult], hash: TokenHash) -> ApiResult<Caller> {
    match rows.first() {
        Some(r) => Ok(SessionRow::from_query_result(r, "")?.into_caller(hash)),
        None => Err(ApiError::Unauthorized(
            "the token is invalid, expired or revoked",
        )),
    }
}

/// A read-only request answered in one round trip (see [`TenantTx::read_once`]): the caller,
/// and the rows their context let through.
pub struct OneRead {
    caller: Caller,
    rows: Vec<QueryResult>,
    meta: RequestMeta,
    audit: AuditWriter,
    authz: Authz,
    audit_reads: bool,
}

impl OneRead {
    pub fn caller(&self) -> &Caller {
        &self.caller
    }

    /// 403 unless the caller's role may take `action` on `object`; the rows are dropped unseen.
    pub async fn permit(&self, object: &str, action: &str) -> ApiResult<Permit> {
        self.authz.permit(&self.caller, object, action).await
    }

    /// The first row, if the caller may see one. Only with a [`Permit`]: a handler sees no row
    /// before casbin allowed the caller's role.
    pub fn one<T: FromQueryResult>(&self, _: &Permit) -> ApiResult<Option<T>> {
        self.rows
            .first()
            .map(|r| T::from_query_result(r, ""))
            .transpose()
            .map_err(Into::into)
    }

    /// Records the read; returns once the audit row is durable (group-committed), so the
    /// caller never answers with data whose access was not recorded.
    pub async fn audit(&self, hospital_id: Uuid, entry: AuditEntry) -> ApiResult<()> {
        if self.audit_reads {
            let row = AuditRow::new(hospital_id, &self.caller, &self.meta, entry);
            self.audit.append(vec![row]).await?;
        }
        Ok(())
    }
}

impl TenantTx {
    /// A whole read-only request in one round trip: `BEGIN`, the session check (which sets the
    /// transaction's context), `read`, `COMMIT`. `read` runs before the caller is known to the
    /// handler, so it is a plain SELECT: with an unknown, expired or revoked token the check
    /// sets no context and RLS lets no row through, and the answer is 401 whatever `read`
    /// found. The handler checks permissions on the result before it shows any row.
    pub async fn read_once(
        state: &AppState,
        token: &str,
        meta: RequestMeta,
        read: &Prepared,
    ) -> ApiResult<OneRead> {
        let hash = TokenHash::of(token);
        let (checked, rows) = TenantConn::read_once(
            state.db.get_postgres_connection_pool(),
            &session_check(state, &hash),
            read,
        )
        .await?;
        Ok(OneRead {
            caller: checked_caller(&checked, hash)?,
            rows,
            meta,
            audit: state.audit.clone(),
            authz: state.authz.clone(),
            audit_reads: state.config.audit_reads,
        })
    }

    /// Begins the transaction and resolves the bearer token in it (`auth_begin` sets the
    /// transaction-local context from the session row). Unknown, expired or revoked: 401.
    pub async fn begin(state: &AppState, token: &str, meta: RequestMeta) -> ApiResult<Self> {
        Self::begin_hashed(state, TokenHash::of(token), meta).await
    }

    /// What it takes to open a fresh transaction for the same caller later, after this one
    /// committed: long transfers (document uploads) hold no transaction, and the session is
    /// checked again afterwards.
    pub fn reopen_later(&self) -> Reopen {
        Reopen {
            session: self.caller.session.clone(),
            meta: self.meta.clone(),
        }
    }

    async fn begin_hashed(state: &AppState, hash: TokenHash, meta: RequestMeta) -> ApiResult<Self> {
        let (txn, rows) = TenantConn::begin(
            state.db.get_postgres_connection_pool(),
            &session_check(state, &hash),
        )
        .await?;
        let caller = checked_caller(&rows, hash)?;
        Ok(Self {
            txn,
            caller,
            meta,
            deferred: Vec::new(),
            audit: state.audit.clone(),
            authz: state.authz.clone(),
            audit_reads: state.config.audit_reads,
        })
    }

    /// 403 unless the caller's role may take `action` on `object` (casbin).
    pub async fn permit(&self, object: &str, action: &str) -> ApiResult<Permit> {
        self.authz.permit(&self.caller, object, action).await
    }

    pub fn caller(&self) -> &Caller {
        &self.caller
    }

    /// The connection to run statements on (inside the tenant context).
    pub fn conn(&self) -> &TenantConn {
        &self.txn
    }

    fn row(&self, hospital_id: Uuid, entry: AuditEntry) -> AuditRow {
        AuditRow::new(hospital_id, &self.caller, &self.meta, entry)
    }

    /// Records a write in the same transaction as the change it describes.
    pub async fn audit_write(&self, hospital_id: Uuid, entry: AuditEntry) -> ApiResult<()> {
        let row = self.row(hospital_id, entry);
        row.insert(&self.txn).await
    }

    /// Records a read. It becomes durable (group-committed with other requests' reads) before
    /// `commit` returns, so the caller never answers with data whose access was not recorded.
    pub fn audit_read(&mut self, hospital_id: Uuid, entry: AuditEntry) {
        if self.audit_reads {
            let row = self.row(hospital_id, entry);
            self.deferred.push(row);
        }
    }

    pub async fn commit(self) -> ApiResult<()> {
        self.txn.commit().await?;
        if !self.deferred.is_empty() {
            self.audit.append(self.deferred).await?;
        }
        Ok(())
    }

    /// Runs a statement in the request's transaction.
    pub async fn conn_execute(&self, sql: &str, values: Vec<Value>) -> ApiResult<u64> {
        Ok(self
            .txn
            .execute_raw(stmt(sql, values))
            .await?
            .rows_affected())
    }

    /// Whether `sql` (taking one id) returns a row in the caller's view.
    pub async fn exists(&self, sql: &str, id: Uuid) -> ApiResult<bool> {
        Ok(self
            .txn
            .query_one_raw(stmt(sql, [id.into()]))
            .await?
            .is_some())
    }

    /// Runs a statement that must affect exactly one row; otherwise 404.
    pub async fn execute_one(&self, sql: &str, values: Vec<Value>) -> ApiResult<()> {
        let res = self.txn.execute_raw(stmt(sql, values)).await?;
        if res.rows_affected() == 1 {
            Ok(())
        } else {
            Err(ApiError::NotFound)
        }
    }
}
