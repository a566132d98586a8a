use poem::Request;
use poem_openapi::{SecurityScheme, auth::Bearer};
use uuid::Uuid;

use crate::{
    app::AppState,
    db::{Caller, OneRead, Prepared, RequestMeta, TenantTx, session_caller},
    error::ApiResult,
};

// Resolving the token opens the request's tenant transaction (`TenantTx`).
/// `Authorization: Bearer <token>`, the token that `POST /api/v1/auth/login` returns.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", checker = "open_tenant_tx")]
pub struct BearerAuth(pub TenantTx);

// The same scheme for requests that need only the caller: the session is checked in one
// statement, with no transaction left open (`session_caller`).
/// `Authorization: Bearer <token>`, the token that `POST /api/v1/auth/login` returns.
#[derive(SecurityScheme)]
#[oai(rename = "BearerAuth", ty = "bearer", checker = "check_session")]
pub struct BearerCaller(pub Caller);

// The same scheme for read-only requests answered in one round trip: the token is checked in
// the same message as the read (`TenantTx::read_once`).
/// `Authorization: Bearer <token>`, the token that `POST /api/v1/auth/login` returns.
#[derive(SecurityScheme)]
#[oai(rename = "BearerAuth", ty = "bearer", checker = "keep_token")]
pub struct BearerRead(pub PendingRead);

/// A bearer token not yet checked, with what the check needs.
pub struct PendingRead {
    state: AppState,
    token: String,
    meta: RequestMeta,
}

impl PendingRead {
    /// Checks the token and runs `read` (see [`TenantTx::read_once`]).
    pub async fn read(self, read: &Prepared) -> ApiResult<OneRead> {
        let r = TenantTx::read_once(&self.state, &self.token, self.meta, read).await?;
        record_hospital(r.caller().hospital_id);
        Ok(r)
    }
}

fn state(req: &Request) -> &AppState {
    req.data::<AppState>()
        .expect("AppState is attached to every route")
}

fn record_hospital(hospital: Option<Uuid>) {
    if let Some(h) = hospital {
        tracing::Span::current().record("hospital_id", tracing::field::display(h));
    }
}

async fn open_tenant_tx(req: &Request, bearer: Bearer) -> poem::Result<TenantTx> {
    let meta = req.data::<RequestMeta>().cloned().unwrap_or_default();
    let tx = TenantTx::begin(state(req), &bearer.token, meta).await?;
    record_hospital(tx.caller().hospital_id);
    Ok(tx)
}

async fn check_session(req: &Request, bearer: Bearer) -> poem::Result<Caller> {
    let caller = session_caller(state(req), &bearer.token).await?;
    record_hospital(caller.hospital_id);
    Ok(caller)
}

async fn keep_token(req: &Request, bearer: Bearer) -> poem::Result<PendingRead> {
    Ok(PendingRead {
        state: state(req).clone(),
        token: bearer.token,
        meta: req.data::<RequestMeta>().cloned().unwrap_or_default(),
    })
}
