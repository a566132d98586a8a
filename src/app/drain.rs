//! Graceful drain: what the process does between SIGTERM (or SIGINT) and its exit.
//!
//! 1. At once: `/readyz` answers 503 and new WebSocket upgrades are refused, open sockets are
//!    closed with 1012 (service restart) so their clients reconnect to another instance, and
//!    the workers stop claiming work and hand back what they hold (an outbox message claimed
//!    but not sent, a running inference job): the rows are claimable again at once instead of
//!    when their leases run out.
//! 2. For `SHUTDOWN_NOTICE_SECONDS` the server goes on answering, so a load balancer's health
//!    check sees the 503 and stops sending here before the listener closes.
//! 3. The listener closes; requests in flight finish; the process exits 0, all within
//!    `SHUTDOWN_GRACE_SECONDS`.

use std::sync::{Arc, Mutex};

use tokio::{sync::watch, task::JoinHandle};

/// Shared by the server, the sockets and the workers. Cheap to clone.
#[derive(Clone)]
pub struct Drain {
    started: Arc<watch::Sender<bool>>,
    workers: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Default for Drain {
    fn default() -> Self {
        Self {
            started: Arc::new(watch::channel(false).0),
            workers: Arc::default(),
        }
    }
}

impl Drain {
    /// Begins draining (idempotent).
    pub fn start(&self) {
        self.started
            .send_if_modified(|d| !std::mem::replace(d, true));
    }

    pub fn is_draining(&self) -> bool {
        *self.started.borrow()
    }

    /// Resolves once draining has begun (at once if it has).
    pub async fn started(&self) {
        let mut rx = self.started.subscribe();
        // The sender lives as long as `self`, so this only ends when draining begins.
        let _ = rx.wait_for(|d| *d).await;
    }

    /// A worker whose end the drain waits for (it ends after handing back its work).
    pub fn track(&self, worker: JoinHandle<()>) {
        self.workers.lock().expect("drain lock").push(worker);
    }

    /// Waits until every tracked worker has ended.
    pub async fn workers_done(&self) {
        let workers = std::mem::take(&mut *self.workers.lock().expect("drain lock"));
        for w in workers {
            let _ = w.await;
        }
    }
}

/// Resolves at SIGINT or SIGTERM.
pub async fn signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("SIGTERM handler");
        tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn workers_see_the_drain_begin_and_are_waited_for() {
        let drain = Drain::default();
        assert!(!drain.is_draining());
        let d = drain.clone();
        let handed_back = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = handed_back.clone();
        drain.track(tokio::spawn(async move {
            d.started().await;
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
        }));
        drain.start();
        drain.start();
        assert!(drain.is_draining());
        drain.workers_done().await;
        assert!(handed_back.load(std::sync::atomic::Ordering::SeqCst));
        // Already begun: resolves at once.
        drain.started().await;
    }
}
