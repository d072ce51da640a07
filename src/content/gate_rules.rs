//! Rules for the safety gate's content: a checklist must guard the
//! techniques, and the moderation guard's thresholds must make sense.

use super::catalog::Content;
use super::problem::Problem;

/// Longest window the guard may look back over, in days.
pub const MAX_WINDOW_DAYS: u32 = 31;

/// Adds a problem when techniques have no checklist, or when the thresholds make no sense (an empty window, or a
/// habit that needs more days than the window holds, so it never fires).
pub fn check(content: &Content, problems: &mut Vec<Problem>) {
    if !content.techniques.is_empty() && content.checklist.is_empty() {
        problems.push(Problem::file(
            "content",
            "self-release techniques need a safety checklist to guard them, and there is none",
        ));
    }
    let m = content.moderation;
    let file = content.origin_of("moderation", "moderation");
    if !(1..=MAX_WINDOW_DAYS).contains(&m.window_days) {
        problems.push(Problem::entry(
            file,
            "moderation",
            format!(
                "`window_days` is {}; it must be 1..={MAX_WINDOW_DAYS}",
                m.window_days
            ),
        ));
    }
    if m.habit_days == 0 || m.habit_days > m.window_days {
        problems.push(Problem::entry(
            file,
            "moderation",
            format!(
                "`habit_days` is {}; it must be 1..=window_days ({}), or the habit warning could never show",
                m.habit_days, m.window_days
            ),
        ));
    }
}
