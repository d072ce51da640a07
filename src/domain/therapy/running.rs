//! What is persisted of a heat/cold application the moment it starts
//! (`therapy-running.json`): enough to resume it, or to raise its alert,
//! after a quit, crash or kill, in this process or another one.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone};
use serde::{Deserialize, Serialize};

use super::{CAP, Segment};
use crate::content::model::TherapyKind;
use crate::time::{BootId, BootTime, words};

/// The boot clock at the application's start: which boot, and how long
/// after that boot it started (negative when it started before this boot
/// and was re-marked after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BootMark {
    /// The boot the reading belongs to.
    pub id: BootId,
    /// Milliseconds since that boot at the start.
    pub since_boot_ms: i64,
}

impl BootMark {
    /// The mark of an application that has been on for `elapsed` at the
    /// boot clock reading `now`.
    pub fn back_from(now: BootTime, elapsed: Duration) -> BootMark {
        BootMark {
            id: now.id,
            since_boot_ms: millis(now.since_boot) - millis(elapsed),
        }
    }

    /// Real time since the start at the reading `now`, when `now` is of
    /// the same boot (zero if the reading is somehow before the mark).
    pub fn elapsed(&self, now: Option<BootTime>) -> Option<Duration> {
        let now = now.filter(|now| now.id == self.id)?;
        let ms = millis(now.since_boot).saturating_sub(self.since_boot_ms);
        Some(Duration::from_millis(u64::try_from(ms).unwrap_or(0)))
    }
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// The persisted part of an application.
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
    /// True once the application went into the history log, so a
    /// restart does not log it twice.
    #[serde(default)]
    pub logged: bool,
    /// The boot clock at the start, where the platform has one: what
    /// measures real time across a restart (files written before it
    /// existed have none; left out when there is none, as before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boot: Option<BootMark>,
    /// True once some process rang the time-up alarm, so no other rings
    /// it again: one alert per event (left out while false, as before).
    #[serde(default, skip_serializing_if = "is_false")]
    pub alarm_rung: bool,
}

fn is_false(value: &bool) -> bool {
    !value
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

    /// True when the wall clock reads earlier than the start: it was set
    /// back, and it alone cannot say how long the pack has been on.
    pub fn wall_is_behind<Tz: TimeZone>(&self, wall: &DateTime<Tz>) -> bool {
        wall.fixed_offset() < self.started
    }

    /// Real time on the skin at `wall` and `boot` for a process that did
    /// not see the start: the boot clock when it is of the same boot
    /// (the larger of it and the wall clock: fail safe), else the wall
    /// clock; `None` when neither can say (another boot, or no boot
    /// clock, and the wall clock behind the start).
    pub fn real_elapsed<Tz: TimeZone>(
        &self,
        wall: &DateTime<Tz>,
        boot: Option<BootTime>,
    ) -> Option<Duration> {
        let wall_elapsed = self.wall_elapsed(wall);
        match self.boot.and_then(|mark| mark.elapsed(boot)) {
            Some(booted) => Some(booted.max(wall_elapsed)),
            None if self.wall_is_behind(wall) => None,
            None => Some(wall_elapsed),
        }
    }

    /// Time left at `wall` and `boot`, for readers without a monotonic
    /// start (e.g. `backcoach status`); zero when the real elapsed time
    /// cannot be known (fail safe: treat it as over).
    pub fn remaining_at<Tz: TimeZone>(
        &self,
        wall: &DateTime<Tz>,
        boot: Option<BootTime>,
    ) -> Duration {
        self.real_elapsed(wall, boot)
            .map_or(Duration::ZERO, |elapsed| {
                self.planned().saturating_sub(elapsed)
            })
    }

    /// How long ago the application ended, once over; `None` while it runs
    /// or when that cannot be known.
    pub fn ended_ago_at<Tz: TimeZone>(
        &self,
        wall: &DateTime<Tz>,
        boot: Option<BootTime>,
    ) -> Option<Duration> {
        self.real_elapsed(wall, boot)?.checked_sub(self.planned())
    }

    /// One short phrase, e.g. "heat 12m left" or "cold ended 3m ago:
    /// remove the pack" (or "cold: remove the pack" when how long ago
    /// cannot be known). Minutes left are rounded up, minutes ago down.
    pub fn status_at<Tz: TimeZone>(&self, wall: &DateTime<Tz>, boot: Option<BootTime>) -> String {
        let mode = self.mode.id();
        let left = self.remaining_at(wall, boot);
        if !left.is_zero() {
            return format!(
                "{mode} {} left",
                words::compact(TimeDelta::seconds(secs(left)))
            );
        }
        match self.ended_ago_at(wall, boot) {
            Some(ago) => format!("{mode} ended {}m ago: remove the pack", ago.as_secs() / 60),
            None => format!("{mode}: remove the pack"),
        }
    }
}

/// Whole seconds as a signed count for chrono (saturating: lengths here are
/// at most the cap).
fn secs(d: Duration) -> i64 {
    i64::try_from(words::seconds_up(d)).unwrap_or(i64::MAX)
}
