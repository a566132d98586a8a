//! Liveness, readiness and metrics.

use std::time::Duration;

use poem::{Response, handler, http::StatusCode, web::Data};
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::app::AppState;

#[handler]
pub fn healthz() -> &'static str {
    "ok"
}

/// Readiness as JSON: `status` (`ready`, `degraded`, `draining`, `unavailable`) and each
/// dependency's state. 503 while draining (at once, without asking anything: a load balancer
/// stops sending) and when PostgreSQL does not answer; Redis down is `degraded` and stays 200,
/// since the API serves without it.
#[handler]
pub async fn readyz(state: Data<&AppState>) -> Response {
    if state.drain.is_draining() {
        return readiness(
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"status": "draining"}),
        );
    }
    let db = async {
        let ping = state.db.execute_unprepared("select 1");
        matches!(tokio::time::timeout(PROBE, ping).await, Ok(Ok(_)))
    };
    let (db, redis) = tokio::join!(db, redis_up(&state.redis));
    let up = |ok: bool| if ok { "up" } else { "down" };
    let (code, status) = match (db, redis) {
        (false, _) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
        (true, false) => (StatusCode::OK, "degraded"),
        (true, true) => (StatusCode::OK, "ready"),
    };
    readiness(
        code,
        json!({"status": status, "database": up(db), "redis": up(redis)}),
    )
}

/// How long a readiness probe waits for a dependency.
const PROBE: Duration = Duration::from_secs(2);

/// Whether Redis answers a PING within a moment.
pub async fn redis_up(redis: &redis::aio::ConnectionManager) -> bool {
    let mut redis = redis.clone();
    let cmd = redis::cmd("PING");
    let ping = cmd.query_async::<String>(&mut redis);
    matches!(
        tokio::time::timeout(Duration::from_millis(500), ping).await,
        Ok(Ok(_))
    )
}

fn readiness(code: StatusCode, body: serde_json::Value) -> Response {
    let mut r = Response::builder()
        .status(code)
        .content_type("application/json")
        .body(body.to_string());
    if code == StatusCode::SERVICE_UNAVAILABLE {
        r.headers_mut()
            .insert("retry-after", poem::http::HeaderValue::from_static("1"));
    }
    r
}

#[handler]
pub async fn metrics(state: Data<&AppState>) -> Response {
    let mut body = state.metrics.render();
    body += &session_checks(&state.sessions);
    body += &sockets(&state.hub);
    body += &pools(&state);
    body += &queues(&state.system).await;
    body += &format!(
        "# HELP carebridge_draining 1 once SIGTERM began the drain.\n\
         # TYPE carebridge_draining gauge\n\
         carebridge_draining {}\n",
        u8::from(state.drain.is_draining())
    );
    Response::builder()
        .content_type("text/plain; version=0.0.4")
        .body(body)
}

/// Connections of both pools: open, idle, and the configured maximum.
fn pools(state: &AppState) -> String {
    let mut out = String::from(
        "# HELP carebridge_db_connections Database connections by pool and state.\n\
         # TYPE carebridge_db_connections gauge\n",
    );
    for (name, conn, max) in [
        ("runtime", &state.db, state.config.database_pool_size),
        (
            "system",
            &state.system,
            state.config.database_system_pool_size,
        ),
    ] {
        let pool = conn.get_postgres_connection_pool();
        let (open, idle) = (pool.size(), pool.num_idle() as u32);
        for (st, n) in [
            ("in_use", open.saturating_sub(idle)),
            ("idle", idle),
            ("max", max),
        ] {
            out += &format!("carebridge_db_connections{{pool=\"{name}\",state=\"{st}\"}} {n}\n");
        }
    }
    out
}

#[derive(sea_orm::FromQueryResult)]
struct Depth {
    hospital_id: uuid::Uuid,
    queued: i64,
    running: i64,
}

#[derive(sea_orm::FromQueryResult)]
struct Lag {
    pending: i64,
    oldest_seconds: f64,
}

/// The inference queue per hospital (its id only) and the outbox's lag, read now. A database
/// that does not answer leaves them out (the scrape still answers).
async fn queues(system: &sea_orm::DatabaseConnection) -> String {
    use sea_orm::FromQueryResult;
    let stmt = |sql: &str| crate::db::stmt(sql, []);
    let depth = Depth::find_by_statement(stmt("select * from ops_inference_depth()")).all(system);
    let lag = Lag::find_by_statement(stmt("select * from ops_outbox_lag()")).one(system);
    let (depth, lag) = tokio::join!(
        tokio::time::timeout(PROBE, depth),
        tokio::time::timeout(PROBE, lag)
    );
    let mut out = String::new();
    if let Ok(Ok(rows)) = depth {
        out += "# HELP carebridge_inference_jobs Inference jobs queued or running, by hospital.\n\
                # TYPE carebridge_inference_jobs gauge\n";
        for d in rows {
            out += &format!(
                "carebridge_inference_jobs{{hospital_id=\"{}\",status=\"queued\"}} {}\n\
                 carebridge_inference_jobs{{hospital_id=\"{}\",status=\"running\"}} {}\n",
                d.hospital_id, d.queued, d.hospital_id, d.running
            );
        }
    }
    if let Ok(Ok(Some(l))) = lag {
        out += &format!(
            "# HELP carebridge_outbox_pending Outbox messages not yet sent.\n\
             # TYPE carebridge_outbox_pending gauge\n\
             carebridge_outbox_pending {}\n\
             # HELP carebridge_outbox_lag_seconds Age of the oldest pending outbox message.\n\
             # TYPE carebridge_outbox_lag_seconds gauge\n\
             carebridge_outbox_lag_seconds {}\n",
            l.pending, l.oldest_seconds
        );
    }
    out
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
