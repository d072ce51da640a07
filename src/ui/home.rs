//! The home screen: what the coach can do, each entry with its one-key
//! shortcut.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::lines::paragraph;
use super::list_view::ListView;
use super::report::Part;
use super::theme::Theme;
use crate::app::reminder::{check, quiet};
use crate::app::{App, HomeEntry, home_entries};
use crate::domain::reminder::Check;
use crate::time::words;

/// Draws the menu and a one-line reminder of what the coach is not.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let shown = app
        .now
        .map_or_else(|| HomeEntry::ALL.to_vec(), |now| home_entries(app, now));
    let entries = shown.len();
    let compact = super::compact(area);
    // Each entry with its description under it when there is room; on small
    // terminals one line each, and the selected entry's description below.
    let mut programme = super::programme::lines(app, theme);
    programme.extend(super::programme::flare_lines(app, theme));
    let extra = if programme.is_empty() {
        0
    } else {
        programme.len() + 1
    };
    let roomy = usize::from(area.height) >= entries * 2 + 2 + 4 + extra && area.width >= 76;
    let items: Vec<ListItem> = shown
        .iter()
        .zip(1..)
        .map(|(entry, key)| {
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{key} "), theme.key()),
                Span::styled(entry_label(app, *entry), theme.current()),
            ])];
            if roomy {
                lines.push(Line::from(Span::styled(
                    format!("    {}", entry.description()),
                    theme.dim(),
                )));
            }
            ListItem::new(lines)
        })
        .collect();
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let borders = if compact { 0 } else { 2 };
    let menu_height = u16::try_from(heights.iter().sum::<usize>() + borders).unwrap_or(u16::MAX);
    let [menu, about] =
        Layout::vertical([Constraint::Length(menu_height), Constraint::Fill(1)]).areas(area);
    let selected = app.home_selected.index();
    let title = (!compact).then(|| Span::styled(" What would you like to do? ", theme.title()));
    let view = ListView {
        items,
        selected,
        click_opens: true,
    };
    let rows = view.render(title, frame, menu, theme);

    let mut about_text = Vec::new();
    let on_programme = shown.get(selected) == Some(&HomeEntry::Programme);
    if !roomy && let Some(entry) = shown.get(selected) {
        // In a small pane the programme's own lines are its description,
        // and come first; under another entry they give way to it.
        if !(compact && on_programme && !programme.is_empty()) {
            about_text.push(Line::from(Span::styled(entry.description(), theme.dim())));
        }
    }
    let gap = || (!compact).then(Line::default);
    if compact && !on_programme {
        programme.clear();
    }
    if !programme.is_empty() {
        about_text.extend(gap());
        about_text.extend(programme);
    }
    about_text.extend(gap());
    about_text.push(reminder_line(app, theme));
    about_text.extend(gap());
    about_text.extend([
        Line::from(Span::styled(
            "Gentle stretches for a stiff lower back, one clear step at a time.",
            theme.text(),
        )),
        Line::from(Span::styled(
            "backcoach is a coach, not a diagnosis: for pain that persists, numbness, \
             tingling or weakness, see a physician or physical therapist.",
            theme.dim(),
        )),
    ]);
    let about = about.inner(Margin::new(1, 0));
    frame.render_widget(paragraph(&about_text, about.width), about);
    Part::list(rows)
}

/// An entry's label; the programme's names it.
fn entry_label(app: &App, entry: HomeEntry) -> String {
    match entry {
        HomeEntry::Programme => super::programme::label(app),
        _ => None,
    }
    .unwrap_or_else(|| entry.label().to_owned())
}

/// The reminder's state in one line, with the key that switches it. No
/// "in N min" here: that would need a wake-up every minute on the home
/// screen.
fn reminder_line(app: &App, theme: Theme) -> Line<'static> {
    let now = app.now.map(|c| c.wall);
    let quiet = now.and_then(|now| {
        let now = now.fixed_offset();
        quiet::until(app, now).map(|until| (until, now))
    });
    let state = match (now, now.and_then(|now| check(app, now))) {
        (_, None) if !app.settings.reminder.enabled => "off".to_owned(),
        _ if let Some((until, now)) = quiet => {
            format!("on, quiet until {}", words::when(until, now))
        }
        (Some(now), Some(Check::Waiting(due))) => format!("on, next at {}", words::when(due, now)),
        (_, Some(Check::Fire(_) | Check::Deferred(_))) => "on, due now".to_owned(),
        (_, Some(Check::Never)) => "on, but nothing will fire (see its settings)".to_owned(),
        _ => "on".to_owned(),
    };
    let switch = if app.settings.reminder.enabled {
        " turns it off"
    } else {
        " turns it on"
    };
    Line::from(vec![
        Span::styled("Stand-up reminder: ", theme.text()),
        Span::styled(state, theme.current()),
        Span::styled(" · ", theme.dim()),
        Span::styled("r", theme.key()),
        Span::styled(switch, theme.dim()),
    ])
}
