use std::net::IpAddr;

use sea_orm::{ConnectionTrait, FromQueryResult, QueryResult, Value};
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::{AuditEntry, AuditRow, AuditWriter},
    auth::{
        authz::Authz,
        permit::{Action, Allows, Permit},
        token::TokenHash,
    },
    db::{
        conn::{Prepared, TenantConn},
        sessions::Remembered,
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
    /// The hospital requires a second factor of its staff and this member has none yet.
    pub must_enrol_totp: bool,
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
    /// Ours, made for every request (a client's `X-Request-Id` is never trusted as one).
    pub request_id: String,
    /// The client's own `X-Request-Id`, when it was a short token; logged beside ours.
    pub client_request_id: Option<String>,
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
    /// The session's epoch at the check (see [`Sessions`](super::Sessions)).
    epoch: i64,
    /// How long the session stays valid without another full check.
    valid_ms: i64,
    must_enrol_totp: bool,
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
            must_enrol_totp: self.must_enrol_totp,
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
/// the session check alone, one statement in a transaction of its own (it may touch the
/// session's last use).
/// Unknown, expired or revoked: 401.
pub async fn session_caller(state: &AppState, token: &str) -> ApiResult<Caller> {
    let pool = state.db.get_postgres_connection_pool();
    let (caller, ()) = checked(state, TokenHash::of(token), |check| async move {
        let (rows, _) = TenantConn::read_once(pool, &check, None).await?;
        Ok((rows, ()))
    })
    .await?;
    Ok(caller)
}

/// The one session check. A session this process remembers resumes (`auth_resume`: its row and
/// epoch, found by the token's hash); any other, or one whose epoch moved on, is checked in full
/// (`auth_open`). Either sets the transaction's context. `send` carries the check to PostgreSQL
/// the way the request travels (alone, after `BEGIN`, or with its one read) and answers the
/// check's rows and what else it brought back.
async fn checked<T, F, Fut>(
    state: &AppState,
    hash: TokenHash,
    mut send: F,
) -> ApiResult<(Caller, T)>
where
    F: FnMut(Prepared) -> Fut,
    Fut: std::future::Future<Output = ApiResult<(Vec<QueryResult>, T)>>,
{
    if let Some(r) = state.sessions.get(&hash) {
        let (rows, out) = send(session_resume(state, &r)).await?;
        if resumed(state, &r, &rows) {
            return Ok((r.caller, out));
        }
    }
    let (rows, out) = send(session_check(state, &hash)).await?;
    Ok((checked_caller(state, &rows, hash)?, out))
}

fn idle_seconds(state: &AppState) -> i32 {
    i32::try_from(state.config.session_idle.as_secs()).unwrap_or(i32::MAX)
}

/// The full session check, to travel with `BEGIN` in one message.
fn session_check(state: &AppState, hash: &TokenHash) -> Prepared {
    Prepared::session_check(hash.as_bytes(), idle_seconds(state))
}

/// A remembered session's check, to travel with `BEGIN` in one message.
fn session_resume(state: &AppState, r: &Remembered) -> Prepared {
    Prepared::session_resume(r.caller.session.as_bytes(), r.epoch, idle_seconds(state))
}

/// Whether a remembered session's check set the context. When it did not (its epoch moved on),
/// the session is forgotten, to be checked in full.
fn resumed(state: &AppState, r: &Remembered, rows: &[QueryResult]) -> bool {
    let ok = rows
        .first()
        .and_then(|row| row.try_get::<bool>("", "resumed").ok())
        .unwrap_or(false);
    if ok {
        state.sessions.count_resumed();
    } else {
        state.sessions.count_stale();
        state.sessions.forget(&r.caller.session);
    }
    ok
}

/// The caller from the full check's rows, remembered for later requests; no row means an
/// unknown, expired or revoked token. Every full check ends here, and is counted here.
fn checked_caller(state: &AppState, rows: &[QueryResult], hash: TokenHash) -> ApiResult<Caller> {
    state.sessions.count_full();
    match rows.first() {
        Some(r) => {
            let row = SessionRow::from_query_result(r, "")?;
            let (epoch, valid_ms) = (row.epoch, row.valid_ms);
            let caller = row.into_caller(hash);
            state.sessions.remember(&caller, epoch, valid_ms);
            Ok(caller)
        }
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

    /// 403 unless the caller's role may take `A` on `O`; the rows are dropped unseen.
    pub async fn permit<O: Allows<A> + Default, A: Action + Default>(
        &self,
    ) -> ApiResult<Permit<O, A>> {
        self.authz
            .permit(&self.caller, O::default(), A::default())
            .await
    }

    /// The first row, if the caller may see one. Only with a [`Permit`]: a handler sees no row
    /// before casbin allowed the caller's role.
    pub fn one<T: FromQueryResult, O, A>(&self, _: &Permit<O, A>) -> ApiResult<Option<T>> {
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
        let pool = state.db.get_postgres_connection_pool();
        let answer = |caller, rows| OneRead {
            caller,
            rows,
            meta,
            audit: state.audit.clone(),
            authz: state.authz.clone(),
            audit_reads: state.config.audit_reads,
        };
        let (caller, rows) = checked(state, hash, |check| async move {
            Ok(TenantConn::read_once(pool, &check, Some(read)).await?)
        })
        .await?;
        Ok(answer(caller, rows))
    }

    /// Begins the transaction and resolves the bearer token in it (`auth_resume` or, for a
    /// session not remembered, `auth_open` sets the transaction-local context). Unknown,
    /// expired or revoked: 401.
    pub async fn begin(state: &AppState, token: &str, meta: RequestMeta) -> ApiResult<Self> {
        Self::begin_hashed(state, TokenHash::of(token), meta).await
    }

    /// Runs CPU-heavy `work` (a password hash) with no transaction open: this one ends (it
    /// must not have written or audited anything yet: it rolls back), and a new one in the same
    /// session's context, checked again, begins once `work` is done.
    pub async fn outside<T>(
        self,
        state: &AppState,
        work: impl std::future::Future<Output = ApiResult<T>>,
    ) -> ApiResult<(T, TenantTx)> {
        if !self.deferred.is_empty() {
            return Err(ApiError::Internal(anyhow::anyhow!(
                "TenantTx::outside after reads were audited"
            )));
        }
        let again = self.reopen_later();
        drop(self);
        let out = work.await?;
        Ok((out, again.begin(state).await?))
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

    /// [`begin`](Self::begin) for a session known by its hash (a socket's, a ticket's).
    pub async fn begin_hashed(
        state: &AppState,
        hash: TokenHash,
        meta: RequestMeta,
    ) -> ApiResult<Self> {
        let pool = state.db.get_postgres_connection_pool();
        // A transaction whose resume failed has no context; it rolls back on drop and the full
        // check begins another.
        let (caller, txn) = checked(state, hash, |check| async move {
            let (txn, rows) = TenantConn::begin(pool, &check).await?;
            Ok((rows, txn))
        })
        .await?;
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

    /// 403 unless the caller's role may take `A` on `O` (casbin); otherwise the proof that
    /// the functions doing it ask for: `tx.permit::<Prescription, Read>()`.
    pub async fn permit<O: Allows<A> + Default, A: Action + Default>(
        &self,
    ) -> ApiResult<Permit<O, A>> {
        self.authz
            .permit(&self.caller, O::default(), A::default())
            .await
    }

    /// [`permit`](Self::permit) for an object or action known only at run time (an
    /// appointment's lifecycle action, a FHIR resource type).
    pub async fn permit_to<O: Allows<A>, A: Action>(
        &self,
        object: O,
        action: A,
    ) -> ApiResult<Permit<O, A>> {
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
