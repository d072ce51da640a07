//! Heat, cold and contrast sessions under a hard 20-minute cap.
//!
//! A session keeps its monotonic, wall-clock and boot-clock starts and
//! counts the largest of the elapsed times, so a suspended laptop, a
//! stalled process or a clock change can only end it early, never late.
//! Across a restart it measures real time with the boot clock (same boot)
//! or the wall clock; when neither can say, the application is over (fail
//! safe). Its planned length is measured from the real start and can never
//! exceed [`CAP`].

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeZone};
use serde::{Deserialize, Serialize};

use crate::content::model::{TherapyKind, TherapyMode};
use crate::content::validate::THERAPY_CAP_MINUTES;
use crate::time::Now;

pub mod alarm;
pub mod history;
mod running;

pub use running::{BootMark, Running};

/// The longest any application may last: the content cap, as a duration.
pub const CAP: Duration = Duration::from_secs(THERAPY_CAP_MINUTES as u64 * 60);
/// The step of the + and - keys.
pub const STEP: Duration = Duration::from_secs(60);
/// Starting again within this long of the last application ending needs an
/// explicit confirmation.
pub const REST_GAP: Duration = Duration::from_secs(30 * 60);
/// How many times the time-up alarm rings (the first at time-up) until
/// acknowledged, in the app and in `backcoach remind` alike.
pub const ALERT_BELLS: u8 = 4;
/// Time between two bells of the alarm.
pub const BELL_GAP: Duration = Duration::from_secs(5);

/// One leg of a session: heat or cold for a number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Heat or cold.
    pub kind: TherapyKind,
    /// Length in seconds.
    pub secs: u64,
}

/// A session in progress: the persisted part plus the monotonic clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The persisted part.
    pub running: Running,
    /// The monotonic instant this process took the session over.
    since: Instant,
    /// Real time on the skin at `since`.
    elapsed_then: Duration,
    /// True when a restart could not tell how long the pack had been on:
    /// the session counts as over.
    unknown: bool,
}

impl Session {
    /// Starts a session now. The length is clamped to the cap.
    pub fn start(mode: TherapyKind, planned: Duration, pattern: Vec<Segment>, now: Now) -> Self {
        Session {
            running: Running {
                mode,
                started: now.wall.fixed_offset(),
                planned_secs: planned.min(CAP).as_secs(),
                pattern,
                logged: false,
                boot: now.boot.map(|b| BootMark::back_from(b, Duration::ZERO)),
                alarm_rung: false,
            },
            since: now.instant,
            elapsed_then: Duration::ZERO,
            unknown: false,
        }
    }

    /// Picks a persisted session up in a process that did not see it
    /// start: real time from the boot clock (same boot) or the wall clock;
    /// over at once when neither can say. In another boot the start is
    /// marked again on this boot's clock, so a later restart measures
    /// from it (the caller saves `running` when it changed).
    pub fn resume(mut running: Running, now: Now) -> Self {
        let real = running.real_elapsed(&now.wall, now.boot);
        if let (Some(elapsed), Some(boot)) = (real, now.boot)
            && running.boot.is_none_or(|mark| mark.id != boot.id)
        {
            running.boot = Some(BootMark::back_from(boot, elapsed));
        }
        Session {
            running,
            since: now.instant,
            elapsed_then: real.unwrap_or(CAP),
            unknown: real.is_none(),
        }
    }

    /// True when the time on the skin could not be known after a restart
    /// (the wall clock was behind the start, and no boot clock of the same
    /// boot could tell): the session was ended at once.
    pub fn elapsed_unknown(&self) -> bool {
        self.unknown
    }

    /// The largest of the monotonic, wall-clock and boot-clock elapsed
    /// times.
    pub fn elapsed(&self, now: Now) -> Duration {
        let mono = self.elapsed_then + now.instant.saturating_duration_since(self.since);
        let boot = self
            .running
            .boot
            .and_then(|mark| mark.elapsed(now.boot))
            .unwrap_or(Duration::ZERO);
        mono.max(self.running.wall_elapsed(&now.wall)).max(boot)
    }

    /// How long ago it ended, once over; `None` while it runs or when the
    /// time on the skin is unknown.
    pub fn ended_ago(&self, now: Now) -> Option<Duration> {
        if self.unknown {
            return None;
        }
        self.elapsed(now).checked_sub(self.planned())
    }

    /// Planned length (never above the cap).
    pub fn planned(&self) -> Duration {
        self.running.planned()
    }

    /// Time left (zero once over).
    pub fn remaining(&self, now: Now) -> Duration {
        self.planned().saturating_sub(self.elapsed(now))
    }

    /// True once the planned length has passed on either clock.
    pub fn is_over(&self, now: Now) -> bool {
        self.remaining(now).is_zero()
    }

    /// Adds one step, never past the cap measured from the real start.
    pub fn longer(&mut self) {
        self.running.planned_secs = (self.planned() + STEP).min(CAP).as_secs();
    }

    /// Takes one step off, but never below the current minute: the way to
    /// end at once is [`Session::finish_early`]'s "pack removed".
    pub fn shorter(&mut self, now: Now) {
        let elapsed = self.elapsed(now);
        let floor = Duration::from_secs(elapsed.as_secs().div_ceil(60) * 60).max(elapsed);
        let wanted = self.planned().saturating_sub(STEP);
        self.running.planned_secs = wanted.max(floor).min(self.planned()).as_secs();
    }

    /// The segment under way: its index, kind and time left in it. Heat and
    /// cold sessions are one segment; contrast repeats its pattern.
    pub fn segment(&self, now: Now) -> (usize, TherapyKind, Duration) {
        segment_at(&self.running, self.elapsed(now).min(self.planned()))
    }

    /// Number of segments before the end (1 for heat and cold).
    pub fn segment_count(&self) -> usize {
        let mut count = 0;
        let mut at = Duration::ZERO;
        while at < self.planned() {
            let (_, _, left) = segment_at(&self.running, at);
            if left.is_zero() {
                break;
            }
            at += left;
            count += 1;
        }
        count.max(1)
    }

    /// The instant the display next changes, never more than a second
    /// ahead so an alert is on time after a suspend.
    pub fn next_wakeup(&self, now: Now) -> Instant {
        let left = self.remaining(now);
        let into_second = Duration::new(0, left.subsec_nanos());
        let step = if into_second.is_zero() {
            Duration::from_secs(1)
        } else {
            into_second
        };
        now.instant + step.min(left)
    }
}

/// The segment at `elapsed` into a session: index, kind, time left in it.
fn segment_at(running: &Running, elapsed: Duration) -> (usize, TherapyKind, Duration) {
    let to_end = running.planned().saturating_sub(elapsed);
    let cycle: u64 = running.pattern.iter().map(|s| s.secs).sum();
    if running.mode != TherapyKind::Contrast || cycle == 0 {
        return (0, running.mode, to_end);
    }
    let secs = elapsed.as_secs();
    let mut index = usize::try_from(secs / cycle).unwrap_or(0) * running.pattern.len();
    let mut into = secs % cycle;
    for segment in &running.pattern {
        if into < segment.secs {
            let left = Duration::from_secs(segment.secs - into)
                .saturating_sub(Duration::new(0, elapsed.subsec_nanos()));
            return (index, segment.kind, left.min(to_end));
        }
        into -= segment.secs;
        index += 1;
    }
    (index, running.mode, to_end)
}

/// The contrast pattern of a mode from content, as segments.
pub fn pattern_of(mode: &TherapyMode) -> Vec<Segment> {
    mode.pattern
        .iter()
        .map(|s| Segment {
            kind: s.kind,
            secs: u64::from(s.minutes) * 60,
        })
        .collect()
}

/// A mode's default length from content, clamped to the cap.
pub fn default_length(mode: &TherapyMode) -> Duration {
    let pattern: u64 = mode.pattern.iter().map(|s| u64::from(s.minutes) * 60).sum();
    let minutes = Duration::from_secs(u64::from(mode.default_minutes) * 60);
    let length = if pattern > 0 {
        Duration::from_secs(pattern)
    } else {
        minutes
    };
    length.min(CAP)
}

/// One + press before the start: a minute more, never past the cap.
pub fn plan_longer(planned: Duration) -> Duration {
    (planned + STEP).min(CAP)
}

/// One - press before the start: a minute less, never below one minute (a
/// shorter length given on the command line is kept).
pub fn plan_shorter(planned: Duration) -> Duration {
    planned.saturating_sub(STEP).max(STEP.min(planned))
}

/// How long ago the last application ended, when that is within the rest
/// gap (a last end in the future, after a clock change, counts as now).
pub fn rest_gap_ago<Tz: TimeZone>(
    last_end: Option<DateTime<FixedOffset>>,
    wall: &DateTime<Tz>,
) -> Option<Duration> {
    let ago = wall
        .fixed_offset()
        .signed_duration_since(last_end?)
        .to_std()
        .unwrap_or(Duration::ZERO);
    (ago < REST_GAP).then_some(ago)
}
