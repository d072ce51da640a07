//! Short education cards (`tips`): one is shown at the end of a session,
//! which one following the date, so a test can pin it.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::catalog::Content;
use super::problem::Problem;
use crate::text::safe::has_visible;

/// One card: a short title and a sentence or two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tip {
    /// Stable identifier.
    pub id: String,
    /// A few words, e.g. "Keep moving".
    pub title: String,
    /// The card's text.
    pub text: String,
}

/// The card of `day`: they take turns, one a day.
pub fn of_the_day(tips: &[Tip], day: NaiveDate) -> Option<&Tip> {
    let count = i64::try_from(tips.len()).ok().filter(|n| *n > 0)?;
    let turn = i64::from(day.num_days_from_ce()).rem_euclid(count);
    tips.get(usize::try_from(turn).ok()?)
}

/// Adds every rule a card breaks to `problems`.
pub fn check(content: &Content, problems: &mut Vec<Problem>) {
    for tip in &content.tips {
        let file = content.origin_of("tip", &tip.id);
        if !super::validate::is_id(&tip.id) {
            problems.push(Problem::entry(
                file,
                &tip.id,
                "ids use only lower-case letters, digits, `_` and `-`",
            ));
        }
        if !has_visible(&tip.title) || !has_visible(&tip.text) {
            problems.push(Problem::entry(
                file,
                &tip.id,
                "a tip needs a title and a text",
            ));
        }
    }
}
