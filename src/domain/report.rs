//! The clinic report's figures, gathered from the history one record at
//! a time (oldest first), keeping only what falls in the report's dates:
//! the sessions, stops for pain, ratings, accepted steps, self-release
//! uses and hurt reports, stand-ups per day and heat/cold applications.
//! Pure: the dates and the content are passed in.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};

use super::progress::week_start;
use super::record::Record;
use super::session_record::{Rating, SessionRecord};
use super::suggest::DoseChange;
use crate::content::catalog::Content;
use crate::content::model::TherapyKind;
use crate::content::programme;

/// Days the report covers by default, today included.
pub const DEFAULT_DAYS: u64 = 28;

/// One heat/cold application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    /// Heat, cold or contrast.
    pub mode: TherapyKind,
    /// When it started.
    pub started: DateTime<FixedOffset>,
    /// Seconds on the skin.
    pub actual_secs: u64,
}

/// One week's sessions against the programme's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    /// Its Monday.
    pub monday: NaiveDate,
    /// Sessions done (skipped ones do not count).
    pub done: u32,
    /// Sessions the programme in force prescribed, if one was.
    pub prescribed: Option<u32>,
}

/// Everything the report shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportData {
    /// First day covered.
    pub since: NaiveDate,
    /// Last day covered.
    pub until: NaiveDate,
    /// The sessions, oldest first.
    pub sessions: Vec<SessionRecord>,
    /// Accepted dose steps.
    pub changes: Vec<DoseChange>,
    /// Self-release uses: when, which technique.
    pub release_uses: Vec<(DateTime<FixedOffset>, String)>,
    /// "It hurt" reports on self-release: when, which technique.
    pub hurts: Vec<(DateTime<FixedOffset>, String)>,
    /// "I stood up" answers per day.
    pub standups: BTreeMap<NaiveDate, u32>,
    /// Heat/cold applications.
    pub applications: Vec<Application>,
}

impl ReportData {
    /// Nothing yet, for the days `since` to `until`.
    pub fn new(since: NaiveDate, until: NaiveDate) -> ReportData {
        ReportData {
            since,
            until,
            ..ReportData::default()
        }
    }

    /// The default dates at `today`: the last 4 weeks, today included.
    pub fn default_since(today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_days(Days::new(DEFAULT_DAYS - 1))
            .unwrap_or(NaiveDate::MIN)
    }

    fn covers(&self, at: &DateTime<FixedOffset>) -> bool {
        let day = at.date_naive();
        self.since <= day && day <= self.until
    }

    /// Takes one record if it falls in the dates.
    pub fn add(&mut self, record: Record) {
        if !self.covers(&record.time()) {
            return;
        }
        match record {
            Record::Session(session) => self.sessions.push(session),
            Record::DoseChange(change) => self.changes.push(*change),
            Record::ReleaseUsed { at, technique } => self.release_uses.push((at, technique)),
            Record::ReleaseHurt { at, technique } => self.hurts.push((at, technique)),
            Record::Standup { .. } => {
                if let Some(at) = record.stood_up_at() {
                    *self.standups.entry(at.date_naive()).or_default() += 1;
                }
            }
            Record::Therapy {
                mode,
                started,
                actual_secs,
                ..
            } => self.applications.push(Application {
                mode,
                started,
                actual_secs,
            }),
            Record::WarningsReviewed { .. } => {}
        }
    }

    /// The sessions stopped for pain.
    pub fn stops(&self) -> impl Iterator<Item = &SessionRecord> {
        self.sessions
            .iter()
            .filter(|s| s.outcome == super::session_record::SessionOutcome::StoppedForPain)
    }

    /// Each Monday week the dates touch, with sessions done and what the
    /// programme in force on its last covered day prescribed.
    pub fn weeks(&self, content: &Content) -> Vec<Week> {
        let mut weeks = Vec::new();
        let mut monday = week_start(self.since);
        while monday <= self.until {
            let sunday = monday + Days::new(6);
            let done = self
                .sessions
                .iter()
                .filter(|s| s.counts() && week_start(s.started.date_naive()) == monday)
                .count();
            let last = sunday.min(self.until);
            let prescribed =
                programme::active(&content.programmes, last).map(programme::Programme::per_week);
            weeks.push(Week {
                monday,
                done: u32::try_from(done).unwrap_or(u32::MAX),
                prescribed,
            });
            monday = monday + Days::new(7);
        }
        weeks
    }

    /// For each exercise rated, how many times each rating was given, in
    /// [`Rating::ALL`] order; exercises by id.
    pub fn ratings(&self) -> BTreeMap<String, [u32; 4]> {
        let mut tally: BTreeMap<String, [u32; 4]> = BTreeMap::new();
        for exercise in self.sessions.iter().flat_map(|s| &s.exercises) {
            if let Some(rating) = exercise.rating {
                let slot = Rating::ALL.iter().position(|r| *r == rating).unwrap_or(0);
                tally.entry(exercise.exercise.clone()).or_default()[slot] += 1;
            }
        }
        tally
    }
}
