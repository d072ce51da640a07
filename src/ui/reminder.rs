//! The Reminder screen: when the next stand-up is due, today's count, and
//! one row per setting.

use chrono::{DateTime, Local};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Padding, Paragraph};

use super::lines::{self, wrap_lines};
use super::list_view::ListView;
use super::report::Part;
use super::theme::Theme;
use crate::app::App;
use crate::app::reminder::quiet as reminder_quiet;
use crate::app::reminder::{check, stood_up_today};
use crate::app::reminder_screen::{ROWS, Row};
use crate::domain::reminder::{Check, is_active};
use crate::domain::reminder_settings::{INTERVAL_MINUTES, SNOOZE_MINUTES};
use crate::time::words::{self, Precision};

/// Draws the state panel and the settings list; in a small terminal
/// without borders, the selected row's note under the list.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let compact = super::compact(area);
    let lines = match app.now {
        Some(now) => vec![
            Line::from(Span::styled(next_text(app, now.wall), theme.current())),
            Line::from(Span::styled(
                count_text(stood_up_today(app, now.wall.fixed_offset())),
                theme.text(),
            )),
        ],
        None => vec![Line::from("The reminder starts with the app.")],
    };
    let mut lines = lines;
    if let Some(text) = &app.reminder.editing {
        lines.push(Line::from(vec![
            Span::styled("Active hours: ", theme.text()),
            Span::styled(
                format!("{}▏", crate::text::safe::shown(text)),
                theme.selected(),
            ),
        ]));
    }
    // Two borders and a cell of padding each side.
    let inset = if compact { 1 } else { 4 };
    let lines = wrap_lines(&lines, usize::from(area.width.saturating_sub(inset)));
    let selected = app.reminder.selected.index();
    let note = ROWS
        .get(selected)
        .map(|row| describe(app, *row).2)
        .filter(|note| compact && !note.is_empty());
    let note_lines = note.map_or_else(Vec::new, |note| {
        wrap_lines(
            &[Line::styled(note, theme.dim())],
            usize::from(area.width.saturating_sub(1)),
        )
    });
    let borders = if compact { 0 } else { 2 };
    // The list keeps at least three rows.
    let room = area.height.saturating_sub(3 + lines::height(&note_lines));
    let state_height = lines::height(&lines).saturating_add(borders).min(room);
    let [state, list_area, note_area] = Layout::vertical([
        Constraint::Length(state_height),
        Constraint::Fill(1),
        Constraint::Length(lines::height(&note_lines)),
    ])
    .areas(area);
    if compact {
        frame.render_widget(Paragraph::new(lines), super::indent(state));
    } else {
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Span::styled(" Stand up and walk around ", theme.title()));
        frame.render_widget(Paragraph::new(lines).block(block), state);
    }
    frame.render_widget(Paragraph::new(note_lines), super::indent(note_area));
    let label_width = if compact { 22 } else { 24 };
    let items: Vec<ListItem> = ROWS
        .iter()
        .map(|row| {
            let (label, value, help) = describe(app, *row);
            let mut spans = vec![
                Span::styled(format!("{label:<label_width$}"), theme.text()),
                Span::styled(format!("{value:<10}"), theme.current()),
            ];
            if !compact {
                spans.push(Span::styled(help, theme.dim()));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let title = (!compact).then(|| Span::styled(" Settings ", theme.title()));
    let view = ListView {
        items,
        selected,
        click_opens: true,
    };
    Part::list(view.render(title, frame, list_area, theme))
}

fn next_text(app: &App, wall: DateTime<Local>) -> String {
    let now = wall.fixed_offset();
    let rules = app.settings.reminder.rules(false);
    let quiet = reminder_quiet::until(app, now);
    match check(app, wall) {
        None if !app.settings.reminder.enabled => {
            "The reminder is off: press Space on the first row, or r, to turn it on.".to_owned()
        }
        None => "The reminder starts with the app.".to_owned(),
        Some(Check::Never) => {
            "Nothing will fire: no active day, or active hours shorter than the interval."
                .to_owned()
        }
        Some(Check::Waiting(due)) if quiet.is_some() => format!(
            "Quiet until {} (m ends it) · next reminder {} ({})",
            quiet.map_or_else(String::new, |until| words::when(until, wall)),
            words::when(due, wall),
            words::in_words(due - now, Precision::Minutes)
        ),
        Some(Check::Waiting(due)) => {
            let outside = if is_active(&rules, wall) {
                ""
            } else {
                " · outside active hours now"
            };
            format!(
                "Next reminder: {} ({}){outside}",
                words::when(due, wall),
                words::in_words(due - now, Precision::Minutes)
            )
        }
        Some(Check::Fire(_)) => "A reminder is due now.".to_owned(),
        Some(Check::Deferred(_)) => {
            "A reminder is due; it shows when the running countdown ends.".to_owned()
        }
    }
}

fn count_text(n: usize) -> String {
    match n {
        0 => "No stand-ups recorded today yet.".to_owned(),
        1 => "Stood up once today.".to_owned(),
        n => format!("Stood up {n} times today."),
    }
}

fn mark(on: bool) -> String {
    if on { "[x] on" } else { "[ ] off" }.to_owned()
}

/// Label, value and a short note for one row.
fn describe(app: &App, row: Row) -> (String, String, String) {
    let s = &app.settings.reminder;
    let none = String::new;
    match row {
        Row::Enabled => ("Reminder".into(), mark(s.enabled), none()),
        Row::Every => {
            let (low, high, step) = INTERVAL_MINUTES;
            (
                "Every".into(),
                format!("{} min", s.every_minutes),
                format!("{low}-{high}, steps of {step}"),
            )
        }
        Row::From => (
            "Active from".into(),
            s.hours.from().to_string(),
            hours_note(s),
        ),
        Row::Until => (
            "Active until".into(),
            s.hours.until().to_string(),
            hours_note(s),
        ),
        Row::Day(day) => (
            format!("  on {}", day_name(day)),
            mark(s.days.contains(day)),
            none(),
        ),
        Row::Snooze => {
            let (low, high) = SNOOZE_MINUTES;
            (
                "Snooze".into(),
                format!("{} min", s.snooze_minutes),
                format!("{low}-{high}"),
            )
        }
        Row::Bell => ("Terminal bell".into(), mark(s.bell), none()),
        Row::Terminal => (
            "Terminal notification".into(),
            mark(s.terminal_notification),
            "OSC 777/9, tmux passthrough".into(),
        ),
        Row::Desktop => (
            "Desktop notification".into(),
            mark(s.desktop_notification),
            if app.reminder.desktop_unavailable {
                "unavailable (switch off and on to retry)".into()
            } else {
                "via notify-send".into()
            },
        ),
    }
}

/// The whole active hours, when the two rows do not tell them all (split
/// or overnight hours).
fn hours_note(s: &crate::domain::reminder_settings::ReminderSettings) -> String {
    match s.hours.spans() {
        [span] if !span.overnight() => "Enter types all the hours".to_owned(),
        _ => s.hours.to_string(),
    }
}

fn day_name(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    match day {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}
