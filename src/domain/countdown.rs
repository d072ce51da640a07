//! A countdown that stores when it ends, never how many ticks it has seen,
//! so a late or missed wake-up can never make it drift.

use std::time::{Duration, Instant};

/// A running or paused countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    /// Total length as started.
    pub length: Duration,
    state: State,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Running { ends_at: Instant },
    Paused { remaining: Duration },
}

impl Countdown {
    /// Starts a countdown of `length` at `now`.
    pub fn start(now: Instant, length: Duration) -> Countdown {
        Countdown {
            length,
            state: State::Running {
                ends_at: now + length,
            },
        }
    }

    /// Time left at `now` (zero once over).
    pub fn remaining(&self, now: Instant) -> Duration {
        match self.state {
            State::Running { ends_at } => ends_at.saturating_duration_since(now),
            State::Paused { remaining } => remaining,
        }
    }

    /// Time gone at `now`, paused time excluded.
    pub fn elapsed(&self, now: Instant) -> Duration {
        self.length.saturating_sub(self.remaining(now))
    }

    /// True once the end has been reached (a paused countdown never ends).
    pub fn is_over(&self, now: Instant) -> bool {
        self.remaining(now).is_zero()
    }

    /// True while paused.
    pub fn is_paused(&self) -> bool {
        matches!(self.state, State::Paused { .. })
    }

    /// The instant it ends, while running.
    pub fn ends_at(&self) -> Option<Instant> {
        match self.state {
            State::Running { ends_at } => Some(ends_at),
            State::Paused { .. } => None,
        }
    }

    /// Freezes the remaining time; paused time does not count.
    pub fn pause(&mut self, now: Instant) {
        if let State::Running { .. } = self.state {
            self.state = State::Paused {
                remaining: self.remaining(now),
            };
        }
    }

    /// Carries on from where it was paused.
    pub fn resume(&mut self, now: Instant) {
        if let State::Paused { remaining } = self.state {
            self.state = State::Running {
                ends_at: now + remaining,
            };
        }
    }

    /// Whole seconds left, rounded up, as a display shows them ("3" until
    /// exactly 2 s remain).
    pub fn seconds_shown(&self, now: Instant) -> u64 {
        crate::time::words::seconds_up(self.remaining(now))
    }

    /// When the displayed second next changes (or the countdown ends), for
    /// the runtime to sleep until; none while paused.
    pub fn next_change(&self, now: Instant) -> Option<Instant> {
        let ends_at = self.ends_at()?;
        let left = ends_at.saturating_duration_since(now);
        if left.is_zero() {
            return Some(ends_at);
        }
        let into_second = Duration::new(0, left.subsec_nanos());
        let step = if into_second.is_zero() {
            Duration::from_secs(1).min(left)
        } else {
            into_second
        };
        Some(now + step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    #[test]
    fn remaining_comes_from_the_deadline() {
        let t0 = Instant::now();
        let c = Countdown::start(t0, 5 * S);
        assert_eq!(c.remaining(t0), 5 * S);
        assert_eq!(c.remaining(t0 + 2 * S), 3 * S);
        assert_eq!(c.seconds_shown(t0 + Duration::from_millis(2_100)), 3);
        assert!(!c.is_over(t0 + 4 * S));
        assert!(c.is_over(t0 + 5 * S));
        assert_eq!(c.remaining(t0 + 9 * S), Duration::ZERO);
        assert_eq!(c.elapsed(t0 + 9 * S), 5 * S);
    }

    #[test]
    fn paused_time_is_not_counted() {
        let t0 = Instant::now();
        let mut c = Countdown::start(t0, 10 * S);
        c.pause(t0 + 4 * S);
        assert_eq!(c.remaining(t0 + 100 * S), 6 * S);
        assert!(!c.is_over(t0 + 100 * S));
        assert_eq!(c.next_change(t0 + 50 * S), None);
        c.resume(t0 + 100 * S);
        assert_eq!(c.ends_at(), Some(t0 + 106 * S));
    }

    #[test]
    fn next_change_is_the_next_visible_second() {
        let t0 = Instant::now();
        let c = Countdown::start(t0, 3 * S);
        assert_eq!(c.next_change(t0), Some(t0 + S));
        let late = t0 + Duration::from_millis(1_250);
        assert_eq!(c.next_change(late), Some(t0 + 2 * S));
        assert_eq!(c.next_change(t0 + 3 * S), Some(t0 + 3 * S));
        let short = Countdown::start(t0, Duration::from_millis(400));
        assert_eq!(short.next_change(t0), Some(t0 + Duration::from_millis(400)));
    }
}
