//! Where a person stands with their home programme this week: sessions
//! done against prescribed, and the routine due today. Pure: the day is
//! passed in, the sessions come from the history.

use chrono::NaiveDate;

use super::progress::week_start;
use super::session_record::SessionRecord;
use crate::content::programme::Programme;

/// One routine of the programme this week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineWeek {
    /// Routine id.
    pub routine: String,
    /// Sessions prescribed this week.
    pub prescribed: u32,
    /// Sessions done this week (skipped ones do not count).
    pub done: u32,
    /// True when one was done today.
    pub done_today: bool,
}

/// The programme's week as of one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeWeek {
    /// Each routine of the programme, in its order.
    pub routines: Vec<RoutineWeek>,
}

impl ProgrammeWeek {
    /// The week of `programme` containing `today`, from `sessions` (any
    /// order; those of other weeks and other routines are ignored).
    pub fn of<'a>(
        programme: &Programme,
        sessions: impl IntoIterator<Item = &'a SessionRecord> + Clone,
        today: NaiveDate,
    ) -> ProgrammeWeek {
        let monday = week_start(today);
        let routines = programme
            .routines
            .iter()
            .map(|item| {
                let mine = sessions.clone().into_iter().filter(|s| {
                    let day = s.started.date_naive();
                    s.routine == item.routine && s.counts() && day >= monday && day <= today
                });
                let (mut done, mut done_today) = (0, false);
                for session in mine {
                    done += 1;
                    done_today |= session.started.date_naive() == today;
                }
                RoutineWeek {
                    routine: item.routine.clone(),
                    prescribed: item.per_week,
                    done,
                    done_today,
                }
            })
            .collect();
        ProgrammeWeek { routines }
    }

    /// Sessions done this week, counted up to what is prescribed (an
    /// extra session of one routine does not make up for another).
    pub fn done(&self) -> u32 {
        self.routines.iter().map(|r| r.done.min(r.prescribed)).sum()
    }

    /// Sessions prescribed this week.
    pub fn prescribed(&self) -> u32 {
        self.routines.iter().map(|r| r.prescribed).sum()
    }

    /// The routine due today: the first still owed this week and not
    /// done today; none when each is done for the week or for today.
    pub fn due(&self) -> Option<&RoutineWeek> {
        self.routines
            .iter()
            .find(|r| r.done < r.prescribed && !r.done_today)
    }

    /// The routine to start from the programme: the one due, else the
    /// first one still owed this week, else the first.
    pub fn to_start(&self) -> Option<&RoutineWeek> {
        self.due()
            .or_else(|| self.routines.iter().find(|r| r.done < r.prescribed))
            .or_else(|| self.routines.first())
    }
}
