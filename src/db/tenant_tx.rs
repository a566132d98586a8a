use std::net::IpAddr;

use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::{AuditEntry, AuditRow, AuditWriter},
    auth::{
        authz::{Authz, Permit},
        token::TokenHash,
    },
    db::{conn::TenantConn, stmt},
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

fn auth_begin(state: &AppState, hash: &TokenHash) -> sea_orm::Statement {
    stmt(
        "select * from auth_begin($1, $2)",
        [
            Value::from(hash.as_bytes().to_vec()),
            Value::from(idle_seconds(state)),
        ],
    )
}

impl TenantTx {
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
        // BEGIN and auth_begin in one round trip, as text without parameters. Both values are
        // ours: the hash as hex (decode() reads it whatever standard_conforming_strings says)
        // and an integer.
        let check = format!(
            "select * from auth_begin(decode('{}', 'hex'), {})",
            hex::encode(hash.as_bytes()),
            idle_seconds(state)
        );
        let (txn, rows) = TenantConn::begin(state.db.get_postgres_connection_pool(), check).await?;
        let row = match rows.first() {
            Some(r) => SessionRow::from_query_result(r, "")?,
            None => {
                return Err(ApiError::Unauthorized(
                    "the token is invalid, expired or revoked",
                ));
            }
        };
        let caller = row.into_caller(hash);
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
