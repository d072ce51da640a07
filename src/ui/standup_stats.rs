//! The History screen's stand-up statistics: stand-ups per day over the
//! last four weeks as a row of bars, and the snooze and skip rates this
//! week against last.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::domain::standup_stats::{Answers, DAYS, StandupStats};

/// Bars from low to high; a day without a stand-up is `·`.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Two lines: the bars, then the rates.
pub fn lines(stats: &StandupStats, theme: Theme) -> Vec<Line<'static>> {
    let most = stats.per_day.iter().copied().max().unwrap_or(0).max(1);
    let bars: String = stats
        .per_day
        .iter()
        .map(|&n| match n {
            0 => '·',
            n => {
                let step = usize::try_from((n * 8 - 1) / most).unwrap_or(7);
                BARS.get(step).copied().unwrap_or('█')
            }
        })
        .collect();
    let today = stats.per_day.last().copied().unwrap_or(0);
    vec![
        Line::from(vec![
            Span::styled(format!(" Stand-ups, {} weeks: ", DAYS / 7), theme.dim()),
            Span::styled(bars, theme.title()),
            Span::styled(" today ", theme.dim()),
            Span::styled(today.to_string(), theme.current()),
        ]),
        Line::from(vec![
            Span::styled(" This week ", theme.dim()),
            Span::styled(rates(stats.this_week), theme.current()),
            Span::styled(" · last week ", theme.dim()),
            Span::styled(rates(stats.last_week), theme.current()),
        ]),
    ]
}

/// "25% snoozed, 8% skipped of 12" or "no answers".
fn rates(week: Answers) -> String {
    match (week.percent(week.snoozed), week.percent(week.skipped)) {
        (Some(snoozed), Some(skipped)) => format!(
            "{snoozed}% snoozed, {skipped}% skipped of {}",
            crate::text::counted(
                usize::try_from(week.total()).unwrap_or(usize::MAX),
                "answer"
            )
        ),
        _ => "no answers".to_owned(),
    }
}
