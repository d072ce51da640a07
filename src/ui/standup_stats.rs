//! The History screen's stand-up statistics: stand-ups per day over the
//! last four weeks (as many days as fit) as a row of bars, and the snooze and skip rates this
//! week against last.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::domain::standup_stats::{Answers, DAYS, StandupStats};

/// Bars from low to high; a day without a stand-up is `·`.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The bars, then the rates, for a pane `width` columns wide: two lines,
/// or three when the rates need a line for each week; as many days of
/// bars as fit (today always shown).
pub fn lines(stats: &StandupStats, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let today = stats.per_day.last().copied().unwrap_or(0);
    let suffix = format!(" today {today}");
    let room = usize::from(width).saturating_sub(" Stand-ups, 28 days: ".len() + suffix.len());
    let days = room.clamp(1, DAYS);
    let shown = stats.per_day.get(DAYS - days..).unwrap_or_default();
    let most = shown.iter().copied().max().unwrap_or(0).max(1);
    let bars: String = shown
        .iter()
        .map(|&n| match n {
            0 => '·',
            n => {
                let step = usize::try_from((n * 8 - 1) / most).unwrap_or(7);
                BARS.get(step).copied().unwrap_or('█')
            }
        })
        .collect();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" Stand-ups, {days} days: "), theme.dim()),
        Span::styled(bars, theme.title()),
        Span::styled(" today ", theme.dim()),
        Span::styled(today.to_string(), theme.current()),
    ])];
    let (this, last) = (rates(stats.this_week), rates(stats.last_week));
    if usize::from(width) > " This week  · last week ".len() + this.len() + last.len() {
        lines.push(Line::from(vec![
            Span::styled(" This week ", theme.dim()),
            Span::styled(this, theme.current()),
            Span::styled(" · last week ", theme.dim()),
            Span::styled(last, theme.current()),
        ]));
    } else {
        for (label, text) in [(" This week ", this), (" Last week ", last)] {
            lines.push(Line::from(vec![
                Span::styled(label, theme.dim()),
                Span::styled(text, theme.current()),
            ]));
        }
    }
    lines
}

/// "25% snoozed, 8% skipped (12)" or "no answers".
fn rates(week: Answers) -> String {
    match (week.percent(week.snoozed), week.percent(week.skipped)) {
        (Some(snoozed), Some(skipped)) => {
            format!("{snoozed}% snoozed, {skipped}% skipped ({})", week.total())
        }
        _ => "no answers".to_owned(),
    }
}
