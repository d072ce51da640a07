//! The heat/cold time-up alarm for a process that is not the full-screen
//! app (`backcoach remind`): from the running file and the time, what to
//! ring, log and save, and when to look again. Pure: the caller reads the
//! file and the clocks, and does the work.
//!
//! One alert per event: the first ring marks the running file
//! (`alarm_rung`), so neither this watcher nor the app rings that
//! application's end again; the record goes into the log once
//! (`logged`). The bell repeats like the app's, [`ALERT_BELLS`] times
//! [`BELL_GAP`] apart.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::{ALERT_BELLS, BELL_GAP, Running, Session, history};
use crate::domain::record::Record;
use crate::time::Now;

/// Title of the alarm's notifications.
pub const ALARM_TITLE: &str = "Heat/cold timer";

/// The alarm's words for an application whose time is up, e.g. "Remove
/// the heat pack now: time is up after 15:00."
pub fn alarm_text(running: &Running) -> String {
    let remove = match running.mode {
        crate::content::model::TherapyKind::Heat => "Remove the heat pack now",
        crate::content::model::TherapyKind::Cold => "Remove the cold pack now",
        crate::content::model::TherapyKind::Contrast => "Remove the heat/cold pack now",
    };
    format!(
        "{remove}: time is up after {}.",
        crate::time::words::clock(running.planned())
    )
}

/// What the watcher remembers between looks: the application it is
/// ringing for, and its repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Watch {
    ringing: Option<DateTime<FixedOffset>>,
    bells_left: u8,
    next_bell: Option<Instant>,
}

/// One ring of the alarm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ring {
    /// The first: the line, the bell and the notifications.
    First,
    /// A repeat: the bell.
    Again,
}

/// What to do after one look.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Step {
    /// Ring now.
    pub ring: Option<Ring>,
    /// Append this record to the history log.
    pub append: Option<Record>,
    /// Write the running file back (marked rung and logged).
    pub save: Option<Running>,
    /// Look again at this instant (the end, or the next bell); `None`
    /// when nothing is left to ring.
    pub wake: Option<Instant>,
}

impl Watch {
    /// Looks at the running application (if any) at `now`.
    pub fn step(&mut self, running: Option<&Running>, now: Now) -> Step {
        let Some(running) = running else {
            *self = Watch::default();
            return Step::default();
        };
        if self.ringing != Some(running.started) {
            *self = Watch::default();
        }
        let session = Session::resume(running.clone(), now);
        if !session.is_over(now) {
            // Awake at the end, to the millisecond rounded up.
            let left = session.remaining(now);
            let wake = now.instant + left.max(Duration::from_millis(1));
            return Step {
                wake: Some(wake),
                ..Step::default()
            };
        }
        if !running.alarm_rung {
            let mut marked = running.clone();
            marked.alarm_rung = true;
            let append = (!marked.logged).then(|| history::time_up_record(&marked));
            marked.logged = true;
            self.ringing = Some(running.started);
            self.bells_left = ALERT_BELLS - 1;
            self.next_bell = Some(now.instant + BELL_GAP);
            return Step {
                ring: Some(Ring::First),
                append,
                save: Some(marked),
                wake: self.next_bell,
            };
        }
        let due = self.next_bell.is_some_and(|at| at <= now.instant);
        if self.ringing == Some(running.started) && due && self.bells_left > 0 {
            self.bells_left -= 1;
            self.next_bell = (self.bells_left > 0).then(|| now.instant + BELL_GAP);
            return Step {
                ring: Some(Ring::Again),
                wake: self.next_bell,
                ..Step::default()
            };
        }
        Step {
            wake: self.next_bell.filter(|_| self.bells_left > 0),
            ..Step::default()
        }
    }

    /// True while repeats of this watcher's ring are still to come.
    pub fn ringing(&self) -> bool {
        self.bells_left > 0
    }
}
