//! Liveness, readiness and metrics.

use poem::{IntoResponse, Response, handler, http::StatusCode, web::Data};
use sea_orm::ConnectionTrait;

use crate::{app::AppState, error::problem_response};

#[handler]
pub fn healthz() -> &'static str {
    "ok"
}

#[handler]
pub async fn readyz(state: Data<&AppState>) -> Response {
    let db = state.db.execute_unprepared("select 1").await.is_ok();
    let mut redis = state.redis.clone();
    let redis_ok = redis::cmd("PING")
        .query_async::<String>(&mut redis)
        .await
        .is_ok();
    if db && redis_ok {
        "ready".into_response()
    } else {
        let detail = format!(
            "database: {}, redis: {}",
            if db { "up" } else { "down" },
            if redis_ok { "up" } else { "down" }
        );
        problem_response(StatusCode::SERVICE_UNAVAILABLE, &detail)
    }
}

#[handler]
pub fn metrics(state: Data<&AppState>) -> Response {
    Response::builder()
        .content_type("text/plain; version=0.0.4")
        .body(
            state.metrics.render()
                + session_checks(&state.sessions).as_str()
                + sockets(&state.hub).as_str(),
        )
}

fn sockets(hub: &crate::realtime::hub::Hub) -> String {
    format!(
        "# HELP carebridge_websockets Open WebSockets on this instance.\n\
         # TYPE carebridge_websockets gauge\n\
         carebridge_websockets {}\n\
         # HELP carebridge_realtime_subscribed 1 while frames cross instances (Redis pub/sub up).\n\
         # TYPE carebridge_realtime_subscribed gauge\n\
         carebridge_realtime_subscribed {}\n",
        hub.sockets(),
        u8::from(hub.subscribed())
    )
}

fn session_checks(sessions: &crate::db::Sessions) -> String {
    use std::sync::atomic::Ordering::Relaxed;
    let c = &sessions.counts;
    format!(
        "# HELP carebridge_session_checks_total Bearer tokens checked, by how: in full, resumed \
         from a remembered check, or remembered but stale (then checked in full).\n\
         # TYPE carebridge_session_checks_total counter\n\
         carebridge_session_checks_total{{how=\"full\"}} {}\n\
         carebridge_session_checks_total{{how=\"resumed\"}} {}\n\
         carebridge_session_checks_total{{how=\"stale\"}} {}\n",
        c.full.load(Relaxed),
        c.resumed.load(Relaxed),
        c.stale.load(Relaxed)
    )
}
