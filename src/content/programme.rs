//! A physiotherapist's home programme: which routines, how many times a
//! week, from when, until the review. Validated like every other section.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::Content;
use super::problem::Problem;
use crate::text::safe::has_visible;

/// Most sessions a week a programme may prescribe for one routine.
pub const MAX_PER_WEEK: u32 = 7;

/// A home programme prescribed by a clinician.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Stable identifier.
    pub id: String,
    /// Display name, e.g. "Core strength plan".
    pub name: String,
    /// Who prescribed it (a clinic, a physiotherapist).
    #[serde(default)]
    pub prescribed_by: Option<String>,
    /// First day (`"2026-01-01"`).
    pub start: NaiveDate,
    /// The review date, the programme's last day, when there is one.
    #[serde(default)]
    pub review: Option<NaiveDate>,
    /// The routines and how often each.
    pub routines: Vec<ProgrammeRoutine>,
    /// Words from the clinician, shown with the programme.
    #[serde(default)]
    pub notes: Option<String>,
}

/// One routine of a programme and its frequency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeRoutine {
    /// Id of a routine.
    pub routine: String,
    /// Sessions a week (1..=7), Monday to Sunday.
    pub per_week: u32,
}

impl Programme {
    /// True when its dates cover `day` (from the start to the review,
    /// both included).
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start <= day && self.review.is_none_or(|review| day <= review)
    }

    /// Sessions a week, all routines together.
    pub fn per_week(&self) -> u32 {
        self.routines.iter().map(|r| r.per_week).sum()
    }
}

/// The programme in force on `day`: its dates cover it, and of several,
/// the latest start wins (a later one replaces an earlier one).
pub fn active(programmes: &[Programme], day: NaiveDate) -> Option<&Programme> {
    programmes
        .iter()
        .filter(|p| p.covers(day))
        .max_by_key(|p| p.start)
}

/// Adds every rule a programme breaks to `problems`.
pub fn check(content: &Content, problems: &mut Vec<Problem>) {
    for programme in &content.programmes {
        let file = content.origin_of("programme", &programme.id);
        let mut problem = |message: String| {
            problems.push(Problem::entry(file, &programme.id, message));
        };
        if !super::validate::is_id(&programme.id) {
            problem("ids use only lower-case letters, digits, `_` and `-`".to_owned());
        }
        if !has_visible(&programme.name) {
            problem("the name is empty".to_owned());
        }
        if programme
            .prescribed_by
            .as_deref()
            .is_some_and(|who| !has_visible(who))
        {
            problem("`prescribed_by` is empty: leave it out or name who prescribed it".to_owned());
        }
        if let Some(review) = programme.review
            && review < programme.start
        {
            problem(format!(
                "the review ({review}) is before the start ({})",
                programme.start
            ));
        }
        if programme.routines.is_empty() {
            problem("a programme needs at least one routine".to_owned());
        }
        for (n, item) in programme.routines.iter().enumerate() {
            if !content.routines.iter().any(|r| r.id == item.routine) {
                problem(format!("names an unknown routine `{}`", item.routine));
            }
            if !(1..=MAX_PER_WEEK).contains(&item.per_week) {
                problem(format!(
                    "`{}` is prescribed {} times a week; it must be 1..={MAX_PER_WEEK}",
                    item.routine, item.per_week
                ));
            }
            if programme.routines[..n]
                .iter()
                .any(|r| r.routine == item.routine)
            {
                problem(format!(
                    "names `{}` twice: give it one entry with its times a week",
                    item.routine
                ));
            }
        }
    }
}
