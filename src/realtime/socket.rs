//! `GET /api/v1/ws`: the WebSocket. The upgrade is refused (401) unless a ticket or a bearer
//! token names a live session. Each client frame is handled in a transaction of its own,
//! checked against the session like any request (`TenantTx`), with the permit of what it does;
//! a refused frame answers an `error` frame and changes nothing. The frames a change produces
//! go through the hub, to whichever instance holds the recipient's sockets.

use std::{collections::HashSet, time::Instant};

use futures_util::{SinkExt, StreamExt};
use poem::{
    IntoResponse, Request, Response, handler,
    http::StatusCode,
    web::{
        Data, Query,
        websocket::{Message as WsMessage, WebSocket, WebSocketConfig, WebSocketStream},
    },
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    app::AppState,
    auth::{permit as perm, token::TokenHash},
    db::{RequestMeta, TenantTx},
    error::{ApiError, ApiResult, problem_response},
    ids::UserId,
    realtime::{
        hub::{Close, Connection, NO_HEARTBEAT, SERVICE_RESTART, SESSION_ENDED},
        service, store,
        types::{ClientFrame, Delivery, Quality, ServerFrame, appointment, conversation},
    },
};

/// Largest frame a client may send (an SDP offer is a few kilobytes).
const MAX_FRAME_BYTES: usize = 64 * 1024;

#[derive(Deserialize)]
pub struct WsQuery {
    ticket: Option<String>,
}

/// The session a ticket or an `Authorization: Bearer` header names, if any.
async fn session_of(state: &AppState, req: &Request, q: &WsQuery) -> ApiResult<TokenHash> {
    if let Some(t) = &q.ticket {
        return store::take_ticket(&state.system, &TokenHash::of(t))
            .await?
            .ok_or(ApiError::Unauthorized(
                "the ticket is unknown, used or expired",
            ));
    }
    let bearer = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthorized(
            "a ticket (?ticket=) or a bearer token is required",
        ))?;
    Ok(TokenHash::of(bearer.trim()))
}

#[handler]
pub async fn endpoint(
    req: &Request,
    ws: poem::Result<WebSocket>,
    q: Query<WsQuery>,
    state: Data<&AppState>,
) -> Response {
    let meta = req.data::<RequestMeta>().cloned().unwrap_or_default();
    if state.drain.is_draining() {
        return problem_response(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is restarting; reconnect",
        );
    }
    let session = match session_of(&state, req, &q).await {
        Ok(s) => s,
        Err(e) => return problem_response(e.status(), &e.detail()),
    };
    // The full session check, as every request makes it (401 for one that ended).
    let caller = match TenantTx::begin_hashed(&state, session.clone(), meta.clone()).await {
        Ok(tx) => tx.caller().clone(),
        Err(e) => return problem_response(e.status(), &e.detail()),
    };
    let Ok(ws) = ws else {
        return problem_response(
            StatusCode::BAD_REQUEST,
            "expected a WebSocket upgrade (GET with Upgrade: websocket)",
        );
    };
    let epoch = state.sessions.get(&session).map_or(-1, |r| r.epoch);
    let conn = state.hub.connect(caller.user_id, session, epoch);
    if state.drain.is_draining() {
        // Draining began while this socket was admitted: it closes like every other.
        state.hub.close_all(SERVICE_RESTART);
    }
    let state = state.0.clone();
    let config = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0)
        .max_message_size(Some(MAX_FRAME_BYTES))
        .max_frame_size(Some(MAX_FRAME_BYTES));
    ws.config(config)
        .on_upgrade(move |socket| run(state, meta, conn, socket))
        .into_response()
}

/// A socket's life: frames out from the hub, frames in from the client, protocol pings, and
/// the close when the hub says so (session ended, too slow) or the peer goes quiet.
async fn run(state: AppState, meta: RequestMeta, mut conn: Connection, socket: WebSocketStream) {
    let (mut sink, mut stream) = socket.split();
    let every = state.config.ws_ping;
    let mut ping = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    let mut heard = Instant::now();
    let mut joined: HashSet<Uuid> = HashSet::new();
    let close: Option<Close> = loop {
        tokio::select! {
            out = conn.frames.recv() => match out {
                Some(text) => {
                    if sink.send(WsMessage::Text(text.to_string())).await.is_err() {
                        break None;
                    }
                }
                None => break None,
            },
            _ = conn.closed.changed() => break *conn.closed.borrow(),
            msg = stream.next() => {
                heard = Instant::now();
                let reply = match msg {
                    // Boxed: a frame's transaction is a large future, and the task holds room
                    // for it only while a frame is handled (about 20 KiB less per idle socket).
                    Some(Ok(WsMessage::Text(t))) => {
                        Box::pin(handle(&state, &meta, &conn, &t, &mut joined)).await
                    }
                    Some(Ok(WsMessage::Binary(_))) => Some(ServerFrame::error(
                        &ApiError::BadRequest("frames are JSON text".into()),
                    )),
                    Some(Ok(WsMessage::Close(_))) | Some(Err(_)) | None => break None,
                    Some(Ok(_)) => None,
                };
                if let Some(f) = reply {
                    let text = serde_json::to_string(&f).unwrap_or_default();
                    if sink.send(WsMessage::Text(text)).await.is_err() {
                        break None;
                    }
                }
            },
            _ = ping.tick() => {
                if heard.elapsed() > every * 3 {
                    break Some(NO_HEARTBEAT);
                }
                if sink.send(WsMessage::Ping(Vec::new())).await.is_err() {
                    break None;
                }
            },
        }
    };
    if let Some(c) = close {
        let _ = sink.send(WsMessage::close_with(c.code, c.reason)).await;
    }
    let _ = sink.close().await;
    // Leaving the calls this socket was in, while the session still lets us say so.
    for a in joined {
        let left = Box::pin(async {
            let tx =
                TenantTx::begin_hashed(&state, conn.peer.session.clone(), meta.clone()).await?;
            let permit = tx.permit::<perm::Call, perm::Read>().await?;
            service::leave(tx, &permit, appointment(a)).await
        });
        if let Ok(out) = left.await {
            state.hub.deliver(out).await;
        }
    }
}

/// One client frame: its reply to this socket, if any (`pong`, an `error`). What it changed is
/// delivered through the hub.
async fn handle(
    state: &AppState,
    meta: &RequestMeta,
    conn: &Connection,
    text: &str,
    joined: &mut HashSet<Uuid>,
) -> Option<ServerFrame> {
    let frame: ClientFrame = match serde_json::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            return Some(ServerFrame::error(&ApiError::BadRequest(format!(
                "not a frame this server takes: {e}"
            ))));
        }
    };
    if let ClientFrame::Ping = frame {
        return Some(ServerFrame::Pong);
    }
    match dispatch(state, meta, conn, frame, joined).await {
        Ok(out) => {
            state.hub.deliver(out).await;
            None
        }
        Err(e) => {
            if let ApiError::Unauthorized(_) = e {
                state.hub.close_session(&conn.peer.session, SESSION_ENDED);
            }
            if let ApiError::Internal(cause) = &e {
                tracing::error!(error = %cause, "a socket frame failed");
            }
            Some(ServerFrame::error(&e))
        }
    }
}

/// A frame's transaction: the session checked, the permit asked, the service called.
async fn dispatch(
    state: &AppState,
    meta: &RequestMeta,
    conn: &Connection,
    frame: ClientFrame,
    joined: &mut HashSet<Uuid>,
) -> ApiResult<Vec<Delivery>> {
    let tx = TenantTx::begin_hashed(state, conn.peer.session.clone(), meta.clone()).await?;
    if let ClientFrame::Typing { conversation_id } = frame {
        let permit = tx.permit::<perm::Message, perm::Create>().await?;
        return service::typing(tx, &permit, conversation(conversation_id)).await;
    }
    let permit = tx.permit::<perm::Call, perm::Read>().await?;
    match frame {
        ClientFrame::Join { appointment_id } => {
            let out = service::join(tx, &permit, appointment(appointment_id)).await?;
            joined.insert(appointment_id);
            Ok(out)
        }
        ClientFrame::Admit {
            appointment_id,
            user_id,
        } => {
            service::admit(
                tx,
                &permit,
                appointment(appointment_id),
                UserId::from(user_id),
            )
            .await
        }
        ClientFrame::Signal {
            appointment_id,
            to,
            data,
        } => {
            service::signal(
                tx,
                &permit,
                appointment(appointment_id),
                UserId::from(to),
                data,
            )
            .await
        }
        ClientFrame::Leave { appointment_id } => {
            joined.remove(&appointment_id);
            service::leave(tx, &permit, appointment(appointment_id)).await
        }
        ClientFrame::End { appointment_id } => {
            service::end(tx, &permit, appointment(appointment_id)).await
        }
        ClientFrame::Quality {
            appointment_id,
            rtt_ms,
            packet_loss,
            bitrate_kbps,
        } => {
            let q = Quality::parse(rtt_ms, packet_loss, bitrate_kbps)?;
            service::quality(tx, &permit, appointment(appointment_id), q).await
        }
        ClientFrame::Ping | ClientFrame::Typing { .. } => Ok(vec![]),
    }
}
