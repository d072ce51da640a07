//! Heat, cold and contrast sessions under a hard 20-minute cap.
//!
//! A session keeps both its monotonic and its wall-clock start and counts
//! the larger of the two elapsed times, so a suspended laptop, a stalled
//! process or a clock change can only end it early, never late. Its planned
//! length is measured from the real start and can never exceed [`CAP`].

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone};
use serde::{Deserialize, Serialize};

use crate::content::model::{TherapyKind, TherapyMode};
use crate::content::validate::THERAPY_CAP_MINUTES;
use crate::time::{Now, words};

/// The longest any application may last: the content cap, as a duration.
pub const CAP: Duration = Duration::from_secs(THERAPY_CAP_MINUTES as u64 * 60);
/// The step of the + and - keys.
pub const STEP: Duration = Duration::from_secs(60);
/// Starting again within this long of the last application ending needs an
/// explicit confirmation.
pub const REST_GAP: Duration = Duration::from_secs(30 * 60);

/// One leg of a session: heat or cold for a number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Heat or cold.
    pub kind: TherapyKind,
    /// Length in seconds.
    pub secs: u64,
}

/// What is persisted the moment a session starts: enough to resume it (or
/// to raise its alert) after a quit, crash or kill, from wall-clock time
/// alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    /// Heat, cold or contrast.
    pub mode: TherapyKind,
    /// Wall-clock start, with its offset.
    pub started: DateTime<FixedOffset>,
    /// Planned length in seconds, from the start (never above the cap).
    pub planned_secs: u64,
    /// For contrast: the heat/cold pattern, repeated until the end.
    #[serde(default)]
    pub pattern: Vec<Segment>,
    /// True once the session went into the history log, so a restart does
    /// not log it twice.
    #[serde(default)]
    pub logged: bool,
}

impl Running {
    /// The planned length, clamped to the cap whatever the file says.
    pub fn planned(&self) -> Duration {
        Duration::from_secs(self.planned_secs).min(CAP)
    }

    /// Wall-clock time since the start (zero if the clock is behind it).
    pub fn wall_elapsed<Tz: TimeZone>(&self, wall: &DateTime<Tz>) -> Duration {
        wall.fixed_offset()
            .signed_duration_since(self.started)
            .to_std()
            .unwrap_or(Duration::ZERO)
    }

    /// Time left at a wall-clock time, for readers without a monotonic
    /// start (e.g. `backcoach status`).
    pub fn remaining_at<Tz: TimeZone>(&self, wall: &DateTime<Tz>) -> Duration {
        self.planned().saturating_sub(self.wall_elapsed(wall))
    }

    /// How long ago the session ended at a wall-clock time, once over.
    pub fn ended_ago_at<Tz: TimeZone>(&self, wall: &DateTime<Tz>) -> Option<Duration> {
        self.wall_elapsed(wall).checked_sub(self.planned())
    }

    /// One short phrase, e.g. "heat 12m left" or "cold ended 3m ago:
    /// remove the pack". Minutes left are rounded up, minutes ago down.
    pub fn status_at<Tz: TimeZone>(&self, wall: &DateTime<Tz>) -> String {
        let mode = self.mode.id();
        let left = self.remaining_at(wall);
        if left.is_zero() {
            let ago = self.ended_ago_at(wall).unwrap_or(Duration::ZERO);
            format!("{mode} ended {}m ago: remove the pack", ago.as_secs() / 60)
        } else {
            format!(
                "{mode} {} left",
                words::compact(TimeDelta::seconds(secs(left)))
            )
        }
    }
}

/// A session in progress: the persisted part plus the monotonic start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The persisted part.
    pub running: Running,
    started_at: Instant,
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
            },
            started_at: now.instant,
        }
    }

    /// Picks a persisted session up again after a restart. The monotonic
    /// start is unknown, so it is placed as far back as the wall clock says.
    pub fn resume(running: Running, now: Now) -> Self {
        let back = running.wall_elapsed(&now.wall);
        let started_at = now.instant.checked_sub(back).unwrap_or(now.instant);
        Session {
            running,
            started_at,
        }
    }

    /// The larger of monotonic and wall-clock elapsed time.
    pub fn elapsed(&self, now: Now) -> Duration {
        let mono = now.instant.saturating_duration_since(self.started_at);
        mono.max(self.running.wall_elapsed(&now.wall))
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

/// Whole seconds as a signed count for chrono (saturating: lengths here are
/// at most the cap).
fn secs(d: Duration) -> i64 {
    i64::try_from(words::seconds_up(d)).unwrap_or(i64::MAX)
}
