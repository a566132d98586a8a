use poem::Request;
use poem_openapi::{SecurityScheme, auth::Bearer};

use crate::{
    app::AppState,
    db::{RequestMeta, TenantTx},
};

/// `Authorization: Bearer <token>`. Resolving it opens the request's tenant transaction.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", checker = "open_tenant_tx")]
pub struct BearerAuth(pub TenantTx);

async fn open_tenant_tx(req: &Request, bearer: Bearer) -> poem::Result<TenantTx> {
    let state = req
        .data::<AppState>()
        .expect("AppState is attached to every route");
    let meta = req.data::<RequestMeta>().cloned().unwrap_or_default();
    let tx = TenantTx::begin(state, &bearer.token, meta).await?;
    if let Some(h) = tx.caller().hospital_id {
        tracing::Span::current().record("hospital_id", tracing::field::display(h));
    }
    Ok(tx)
}
