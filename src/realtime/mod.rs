//! Real time: one authenticated WebSocket (`socket`) carrying chat, in-app notifications and
//! the video call's signaling; conversations and the call's REST side (`api`); the rules
//! (`service`) and their SQL (`store`); how frames reach a user's sockets on any instance
//! (`hub`); TURN credentials (`turn`).
//!
//! Two background tasks run beside every instance's sockets: the session watcher (a socket
//! lives only as long as its session) and, where workers run, the notification pusher (each
//! in-app notification is claimed once, by one instance, and sent to its user).

pub mod api;
pub mod hub;
mod service;
pub mod socket;
mod store;
pub mod turn;
pub mod types;

use std::{collections::HashSet, time::Duration};

use crate::{
    app::AppState,
    db::{RequestMeta, TenantTx},
    error::ApiError,
    realtime::{
        hub::SESSION_ENDED,
        types::{Delivery, ServerFrame},
    },
};

/// How often the sessions behind open sockets are checked.
const SESSION_CHECK_EVERY: Duration = Duration::from_secs(1);
/// How often unpushed notifications are looked for.
const PUSH_EVERY: Duration = Duration::from_millis(250);

/// Starts the hub's subscription, the session watcher and (with workers) the pusher.
pub fn spawn(state: &AppState) {
    state.hub.spawn_subscriber(state.config.redis_url.clone());
    let watcher = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SESSION_CHECK_EVERY);
        loop {
            tick.tick().await;
            check_sessions(&watcher).await;
        }
    });
    if state.config.run_workers {
        let pusher = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(PUSH_EVERY);
            loop {
                tick.tick().await;
                match store::claim_pushes(&pusher.system, 200).await {
                    Ok(due) => {
                        let frames = due.into_iter().map(|(to, notification)| {
                            Delivery::new(to, ServerFrame::Notification { notification })
                        });
                        pusher.hub.deliver(frames.collect()).await;
                    }
                    Err(e) => tracing::warn!(error = %e, "claiming notifications to push failed"),
                }
            }
        });
    }
}

/// One round of the session watcher: the sessions still valid at their epoch are left alone;
/// each other one is checked in full, and its sockets are closed (4401) when that fails.
async fn check_sessions(state: &AppState) {
    let sessions = state.hub.sessions();
    if sessions.is_empty() {
        return;
    }
    let idle = i32::try_from(state.config.session_idle.as_secs()).unwrap_or(i32::MAX);
    let current: HashSet<_> = match store::sessions_current(&state.system, &sessions, idle).await {
        Ok(c) => c.into_iter().collect(),
        Err(e) => {
            tracing::warn!(error = %e, "checking the sessions of open sockets failed");
            return;
        }
    };
    for (session, _) in sessions.into_iter().filter(|(s, _)| !current.contains(s)) {
        match TenantTx::begin_hashed(state, session.clone(), RequestMeta::default()).await {
            Ok(tx) => {
                drop(tx);
                let epoch = state.sessions.get(&session).map_or(-1, |r| r.epoch);
                state.hub.set_epoch(&session, epoch);
            }
            Err(ApiError::Unauthorized(_)) => state.hub.close_session(&session, SESSION_ENDED),
            Err(e) => tracing::warn!(error = %e, "checking a socket's session failed"),
        }
    }
}
