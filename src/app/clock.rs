//! The time the server reads: the system clock in production; tests hold it at an instant of
//! their choosing and move it on, instead of waiting.

use std::sync::{
    Arc,
    atomic::{AtomicI64, Ordering},
};

use chrono::{DateTime, Utc};

/// Unset: follow the system clock.
const REAL: i64 = i64::MIN;

/// Shared by every clone (the test's `Config` and the server's), so a test that sets it moves
/// the server's time too. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Clock {
    /// REAL, or the held instant in milliseconds since the epoch.
    held_ms: Arc<AtomicI64>,
}

impl Default for Clock {
    fn default() -> Self {
        Self {
            held_ms: Arc::new(AtomicI64::new(REAL)),
        }
    }
}

impl Clock {
    /// Now: the held instant, or the system's time.
    pub fn now(&self) -> DateTime<Utc> {
        match self.held_ms.load(Ordering::SeqCst) {
            REAL => Utc::now(),
            ms => DateTime::from_timestamp_millis(ms).unwrap_or_else(Utc::now),
        }
    }

    /// Now in whole seconds since the epoch (0 before it).
    pub fn unix(&self) -> u64 {
        u64::try_from(self.now().timestamp()).unwrap_or(0)
    }

    /// Holds the clock at `at` (tests).
    pub fn set(&self, at: DateTime<Utc>) {
        self.held_ms.store(at.timestamp_millis(), Ordering::SeqCst);
    }

    /// Moves the clock on by `by` from now, holding it there (tests).
    pub fn advance(&self, by: chrono::Duration) {
        self.set(self.now() + by);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_clock_stays_put_and_moves_only_when_told_in_every_clone() {
        let clock = Clock::default();
        let real = clock.now();
        assert!((Utc::now() - real).num_seconds().abs() < 5);
        let at = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let other = clock.clone();
        other.set(at);
        assert_eq!(clock.now(), at);
        assert_eq!(clock.unix(), 1_700_000_000);
        clock.advance(chrono::Duration::seconds(301));
        assert_eq!(other.unix(), 1_700_000_301);
    }
}
