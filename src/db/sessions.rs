//! Sessions this process has checked in full, remembered so that later requests skip the full
//! check (a four-table join, about a quarter of PostgreSQL's time on an authenticated read).
//!
//! Remembering is safe because nothing is taken on trust: a remembered session sets its context
//! through `auth_resume`, from its own session row found by the token's hash (never from what this
//! process remembers), and only while the session's epoch is the one the full check saw, in
//! the same transaction as the request's own statements. The epoch sums three counters: the
//! caller's membership's (hospital, user), the hospital's and the user's. Any change that could end
//! or alter a session (revocation, logout, password change, deactivation, a role or membership
//! change, suspension, a rename) bumps one of them in its own transaction (migration 0010's
//! triggers), in whichever process made it. The next request then finds no context, forgets the
//! session and checks it in full. Entries also lapse on their own: at the session's idle or
//! absolute expiry, and after a minute, so that a session in use still records its last use about
//! once a minute.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use crate::{auth::token::TokenHash, db::Caller};

/// Longest a session is used without a full check.
const LONGEST: Duration = Duration::from_secs(60);
/// Most sessions remembered; beyond it, lapsed entries are swept, or all are forgotten.
const MOST: usize = 100_000;

#[derive(Clone)]
pub struct Remembered {
    pub caller: Caller,
    /// The session's epoch when it was checked in full.
    pub epoch: i64,
    until: Instant,
}

/// How sessions were checked, for /metrics.
#[derive(Default)]
pub struct CheckCounts {
    /// Full checks (`auth_open`).
    pub full: AtomicU64,
    /// Remembered sessions resumed (`auth_resume`).
    pub resumed: AtomicU64,
    /// Remembered sessions whose epoch had moved on (then checked in full).
    pub stale: AtomicU64,
}

#[derive(Clone, Default)]
pub struct Sessions {
    map: Arc<Mutex<HashMap<[u8; 32], Remembered>>>,
    pub counts: Arc<CheckCounts>,
}

impl Sessions {
    /// The session behind `hash`, if it was checked in full recently enough.
    pub fn get(&self, hash: &TokenHash) -> Option<Remembered> {
        let mut map = self.map.lock().expect("sessions lock");
        match map.get(hash.as_bytes()) {
            Some(r) if r.until > Instant::now() => Some(r.clone()),
            Some(_) => {
                map.remove(hash.as_bytes());
                None
            }
            None => None,
        }
    }

    /// Remembers what a full check answered: valid for `valid_ms` more milliseconds (idle and
    /// absolute expiry), at `epoch`.
    pub fn remember(&self, caller: &Caller, epoch: i64, valid_ms: i64) {
        let valid = Duration::from_millis(u64::try_from(valid_ms).unwrap_or(0)).min(LONGEST);
        if valid.is_zero() {
            return;
        }
        let now = Instant::now();
        let mut map = self.map.lock().expect("sessions lock");
        if map.len() >= MOST {
            map.retain(|_, r| r.until > now);
            if map.len() >= MOST {
                map.clear();
            }
        }
        map.insert(
            *caller.session.as_bytes(),
            Remembered {
                caller: caller.clone(),
                epoch,
                until: now + valid,
            },
        );
    }

    /// Forgets a session whose epoch moved on.
    pub fn forget(&self, hash: &TokenHash) {
        self.map
            .lock()
            .expect("sessions lock")
            .remove(hash.as_bytes());
    }

    pub fn count_full(&self) {
        self.counts.full.fetch_add(1, Ordering::Relaxed);
    }
    pub fn count_resumed(&self) {
        self.counts.resumed.fetch_add(1, Ordering::Relaxed);
    }
    pub fn count_stale(&self) {
        self.counts.stale.fetch_add(1, Ordering::Relaxed);
    }
}
