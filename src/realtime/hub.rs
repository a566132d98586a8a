//! Who is connected to this instance, and how a frame reaches a user wherever their sockets are.
//!
//! - **Per-user channels.** Each instance subscribes in Redis to `{namespace}:rt:u:{user}` for
//!   the users it holds sockets of, and a frame for a user is published on that user's channel
//!   only, so an instance hears only what its own users are sent (no broadcast).
//! - **Redis is an accelerator.** A frame is handed to this instance's own sockets directly when
//!   the subscription is down (and published all the same, for other instances); when
//!   publishing fails too, local sockets still get it. The subscriber reconnects on its own and
//!   resubscribes every local user, so pushes resume when Redis returns.
//! - **Bounded.** Each socket has a queue of `WS_BUFFER_FRAMES`; a socket that lets it fill is
//!   too slow and is closed (1008) instead of growing memory.
//! - **Sessions.** Once a second, one statement asks which of the sessions behind this
//!   instance's sockets are still valid at the epoch they were checked at; any other is checked
//!   in full, and the sockets of a session that ended are closed with 4401.

use std::{
    collections::{HashMap, HashSet},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering},
    },
    time::Duration,
};

use futures_util::StreamExt;
use redis::aio::{ConnectionManager, PubSubSink};
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::{mpsc, watch};
use uuid::Uuid;

use crate::{
    auth::token::TokenHash,
    ids::UserId,
    realtime::types::{Delivery, ServerFrame},
};

/// Why the server closes a socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Close {
    pub code: u16,
    pub reason: &'static str,
}

/// The session behind a socket ended (logout, expiry, deactivation, suspension).
pub const SESSION_ENDED: Close = Close {
    code: 4401,
    reason: "the session has ended",
};
/// The socket did not read its frames fast enough.
pub const TOO_SLOW: Close = Close {
    code: 1008,
    reason: "too slow to read its frames",
};
/// Nothing was heard from the peer (not even a pong) for three ping intervals.
pub const NO_HEARTBEAT: Close = Close {
    code: 1001,
    reason: "no heartbeat",
};

/// The instance is draining (SIGTERM): the client should reconnect, and will reach another one.
pub const SERVICE_RESTART: Close = Close {
    code: 1012,
    reason: "the server is restarting; reconnect",
};

/// One socket of this instance.
pub struct Peer {
    id: u64,
    pub user: Uuid,
    pub session: TokenHash,
    /// The session's epoch when it was last checked in full.
    epoch: AtomicI64,
    frames: mpsc::Sender<Arc<str>>,
    close: watch::Sender<Option<Close>>,
}

impl Peer {
    fn close(&self, why: Close) {
        self.close.send_if_modified(|c| {
            let first = c.is_none();
            if first {
                *c = Some(why);
            }
            first
        });
    }
}

/// A socket's end of the hub: the frames to write and the signal to close. Dropping it
/// removes the socket from the hub.
pub struct Connection {
    pub peer: Arc<Peer>,
    pub frames: mpsc::Receiver<Arc<str>>,
    pub closed: watch::Receiver<Option<Close>>,
    hub: Hub,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.hub.remove(&self.peer);
    }
}

#[derive(Clone)]
pub struct Hub {
    inner: Arc<Inner>,
}

struct Inner {
    peers: Mutex<HashMap<Uuid, Vec<Arc<Peer>>>>,
    next: AtomicU64,
    buffer: usize,
    namespace: String,
    redis: ConnectionManager,
    /// The subscription's command side, while subscribed.
    sink: Mutex<Option<PubSubSink>>,
    subscribed: AtomicBool,
}

impl Hub {
    pub fn new(redis: ConnectionManager, namespace: &str, buffer: usize) -> Self {
        Self {
            inner: Arc::new(Inner {
                peers: Mutex::default(),
                next: AtomicU64::new(1),
                buffer,
                namespace: namespace.to_string(),
                redis,
                sink: Mutex::new(None),
                subscribed: AtomicBool::new(false),
            }),
        }
    }

    fn channel(&self, user: Uuid) -> String {
        format!("{}:rt:u:{user}", self.inner.namespace)
    }

    fn user_of(&self, channel: &str) -> Option<Uuid> {
        let prefix = format!("{}:rt:u:", self.inner.namespace);
        channel.strip_prefix(&prefix)?.parse().ok()
    }

    /// Adds a socket of `user`, whose session was checked in full at `epoch`.
    pub fn connect(&self, user: Uuid, session: TokenHash, epoch: i64) -> Connection {
        let (frames_tx, frames) = mpsc::channel(self.inner.buffer);
        let (close, closed) = watch::channel(None);
        let peer = Arc::new(Peer {
            id: self.inner.next.fetch_add(1, Ordering::Relaxed),
            user,
            session,
            epoch: AtomicI64::new(epoch),
            frames: frames_tx,
            close,
        });
        let first = {
            let mut peers = self.inner.peers.lock().expect("hub lock");
            let list = peers.entry(user).or_default();
            list.push(peer.clone());
            list.len() == 1
        };
        if first {
            self.subscribe(vec![self.channel(user)], true);
        }
        Connection {
            peer,
            frames,
            closed,
            hub: self.clone(),
        }
    }

    fn remove(&self, peer: &Peer) {
        let last = {
            let mut peers = self.inner.peers.lock().expect("hub lock");
            let Some(list) = peers.get_mut(&peer.user) else {
                return;
            };
            list.retain(|p| p.id != peer.id);
            let last = list.is_empty();
            if last {
                peers.remove(&peer.user);
            }
            last
        };
        if last {
            self.subscribe(vec![self.channel(peer.user)], false);
        }
    }

    /// (Un)subscribes channels in the background, when the subscription is up (when it is
    /// down, reconnecting subscribes every local user anyway).
    fn subscribe(&self, channels: Vec<String>, on: bool) {
        let sink = self.inner.sink.lock().expect("hub lock").clone();
        if let Some(mut sink) = sink {
            tokio::spawn(async move {
                let r = if on {
                    sink.subscribe(channels).await
                } else {
                    sink.unsubscribe(channels).await
                };
                if let Err(e) = r {
                    tracing::warn!(error = %e, "realtime subscription change failed");
                }
            });
        }
    }

    /// Sends each frame to its user's sockets, on this instance or another.
    pub async fn deliver(&self, deliveries: Vec<Delivery>) {
        for d in deliveries {
            self.send(d.to, &d.frame).await;
        }
    }

    /// Sends one frame to one user's sockets, wherever they are.
    pub async fn send(&self, to: UserId, frame: &ServerFrame) {
        let payload: Arc<str> = match serde_json::to_string(frame) {
            Ok(s) => s.into(),
            Err(e) => {
                tracing::error!(error = %e, "a frame did not serialize");
                return;
            }
        };
        let subscribed = self.inner.subscribed.load(Ordering::Acquire);
        if !subscribed {
            self.local(to.uuid(), &payload);
        }
        let mut redis = self.inner.redis.clone();
        let mut cmd = redis::cmd("PUBLISH");
        cmd.arg(self.channel(to.uuid())).arg(&*payload);
        let publish = cmd.query_async::<i64>(&mut redis);
        let published = matches!(
            tokio::time::timeout(Duration::from_millis(500), publish).await,
            Ok(Ok(_))
        );
        if subscribed && !published {
            self.local(to.uuid(), &payload);
        }
    }

    /// Queues a frame on this instance's sockets of `user`; a socket whose queue is full is
    /// closed as too slow.
    fn local(&self, user: Uuid, payload: &Arc<str>) {
        let peers = self.peers_of(user);
        for p in peers {
            match p.frames.try_send(payload.clone()) {
                Ok(()) => {}
                Err(mpsc::error::TrySendError::Full(_)) => p.close(TOO_SLOW),
                Err(mpsc::error::TrySendError::Closed(_)) => {}
            }
        }
    }

    fn peers_of(&self, user: Uuid) -> Vec<Arc<Peer>> {
        self.inner
            .peers
            .lock()
            .expect("hub lock")
            .get(&user)
            .cloned()
            .unwrap_or_default()
    }

    fn all_peers(&self) -> Vec<Arc<Peer>> {
        self.inner
            .peers
            .lock()
            .expect("hub lock")
            .values()
            .flatten()
            .cloned()
            .collect()
    }

    /// Sockets on this instance.
    pub fn sockets(&self) -> usize {
        self.inner
            .peers
            .lock()
            .expect("hub lock")
            .values()
            .map(Vec::len)
            .sum()
    }

    /// Whether frames currently cross instances (the Redis subscription is up).
    pub fn subscribed(&self) -> bool {
        self.inner.subscribed.load(Ordering::Acquire)
    }

    /// Each session behind this instance's sockets, once, with the epoch it was checked at.
    pub fn sessions(&self) -> Vec<(TokenHash, i64)> {
        let mut seen = HashSet::new();
        self.all_peers()
            .into_iter()
            .filter(|p| seen.insert(p.session.clone()))
            .map(|p| (p.session.clone(), p.epoch.load(Ordering::Relaxed)))
            .collect()
    }

    /// A session checked in full again: its sockets remember the new epoch.
    pub fn set_epoch(&self, session: &TokenHash, epoch: i64) {
        for p in self.all_peers().iter().filter(|p| &p.session == session) {
            p.epoch.store(epoch, Ordering::Relaxed);
        }
    }

    /// Closes every socket of a session.
    pub fn close_session(&self, session: &TokenHash, why: Close) {
        for p in self.all_peers().iter().filter(|p| &p.session == session) {
            p.close(why);
        }
    }

    /// Closes every socket of this instance.
    pub fn close_all(&self, why: Close) {
        for p in self.all_peers() {
            p.close(why);
        }
    }

    /// Keeps the Redis subscription up for as long as the process runs.
    pub fn spawn_subscriber(&self, redis_url: SecretString) {
        let hub = self.clone();
        tokio::spawn(async move {
            loop {
                if let Err(e) = hub.subscription(&redis_url).await {
                    tracing::warn!(error = %e, "realtime subscription lost; retrying");
                }
                hub.inner.subscribed.store(false, Ordering::Release);
                *hub.inner.sink.lock().expect("hub lock") = None;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }

    /// One subscription: subscribes every local user's channel, then hands each message to
    /// the local sockets until the connection ends.
    async fn subscription(&self, redis_url: &SecretString) -> anyhow::Result<()> {
        let client = redis::Client::open(redis_url.expose_secret())?;
        let pubsub =
            tokio::time::timeout(Duration::from_secs(2), client.get_async_pubsub()).await??;
        let (mut sink, mut stream) = pubsub.split();
        *self.inner.sink.lock().expect("hub lock") = Some(sink.clone());
        let users: Vec<Uuid> = self
            .inner
            .peers
            .lock()
            .expect("hub lock")
            .keys()
            .copied()
            .collect();
        // A channel of our own keeps the subscription meaningful with no users yet.
        sink.subscribe(format!("{}:rt:instance", self.inner.namespace))
            .await?;
        for chunk in users.chunks(500) {
            let channels: Vec<String> = chunk.iter().map(|u| self.channel(*u)).collect();
            sink.subscribe(channels).await?;
        }
        self.inner.subscribed.store(true, Ordering::Release);
        while let Some(msg) = stream.next().await {
            let Some(user) = self.user_of(msg.get_channel_name()) else {
                continue;
            };
            if let Ok(payload) = msg.get_payload::<String>() {
                self.local(user, &payload.into());
            }
        }
        anyhow::bail!("the subscription ended")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn hub(buffer: usize) -> Hub {
        // The manager connects lazily enough for these tests: nothing here publishes.
        let client = redis::Client::open("redis://127.0.0.1:6379").unwrap();
        let cm = ConnectionManager::new(client).await.unwrap();
        Hub::new(cm, &format!("cbunit:{}", Uuid::now_v7()), buffer)
    }

    #[tokio::test]
    async fn a_socket_that_does_not_read_is_closed_when_its_queue_is_full() {
        let hub = hub(4).await;
        let user = Uuid::now_v7();
        let mut slow = hub.connect(user, TokenHash::of("a"), 1);
        let payload: Arc<str> = "{}".into();
        for _ in 0..4 {
            hub.local(user, &payload);
        }
        assert_eq!(*slow.closed.borrow(), None, "four frames fit");
        hub.local(user, &payload);
        assert_eq!(*slow.closed.borrow_and_update(), Some(TOO_SLOW));
        // What was queued stays bounded: four frames, not five.
        let mut n = 0;
        while slow.frames.try_recv().is_ok() {
            n += 1;
        }
        assert_eq!(n, 4);
    }

    #[tokio::test]
    async fn sessions_are_listed_once_and_closed_together() {
        let hub = hub(8).await;
        let user = Uuid::now_v7();
        let a = hub.connect(user, TokenHash::of("s1"), 7);
        let b = hub.connect(user, TokenHash::of("s1"), 7);
        let c = hub.connect(user, TokenHash::of("s2"), 3);
        assert_eq!(hub.sessions().len(), 2);
        assert_eq!(hub.sockets(), 3);
        hub.close_session(&TokenHash::of("s1"), SESSION_ENDED);
        assert_eq!(*a.closed.borrow(), Some(SESSION_ENDED));
        assert_eq!(*b.closed.borrow(), Some(SESSION_ENDED));
        assert_eq!(*c.closed.borrow(), None);
        drop(a);
        drop(b);
        assert_eq!(hub.sockets(), 1);
    }
}
