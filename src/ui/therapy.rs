//! The heat/cold timer screen: mode picker, pre-start check, rest-gap
//! warning, running countdown and the time-up alert.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

mod alert;
mod check;
pub mod compact;
mod running;

use super::lines::{paragraph, wrap_lines};
use super::list_view::ListView;
use super::report::Part;
use super::theme::Theme;
use crate::app::therapy::Stage;
use crate::app::{App, Screen};
use crate::domain::therapy;
use crate::time::words;

/// Draws the timer screen in its current stage.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let t = &app.therapy;
    let now = app.now;
    match (&t.alert, &t.session, now) {
        (Some(alert), _, Some(now)) => {
            alert::render(app, &alert.session, now, frame, area, theme);
            Part::default()
        }
        (None, Some(session), Some(now)) => {
            running::render(app, session, now, frame, area, theme);
            Part::default()
        }
        _ => match (t.stage, t.mode(app)) {
            (Stage::Check, Some(mode)) => check::render(app, mode, frame, area, theme),
            (Stage::RestGap, Some(mode)) => check::render_rest_gap(app, mode, frame, area, theme),
            _ => render_pick(app, frame, area, theme),
        },
    }
}

/// True while the header shows the badge: a pack is on and another screen
/// is shown.
pub fn badge_shown(app: &App) -> bool {
    app.screen != Screen::Therapy && app.therapy.pack_on() && app.now.is_some()
}

/// On other screens, a short "heat 12:34 left" at the right of the header
/// while a session runs or its alert waits; returns the cells it took.
pub fn render_badge(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> u16 {
    if !badge_shown(app) || area.height == 0 {
        return 0;
    }
    let Some(now) = app.now else { return 0 };
    let text = if let Some(session) = &app.therapy.session {
        format!(
            "{} {} left ",
            session.running.mode.id(),
            words::clock(session.remaining(now))
        )
    } else if app.therapy.alert.is_some() {
        "remove the pack now ".to_owned()
    } else {
        return 0;
    };
    let line = Line::from(Span::styled(text, theme.warning())).right_aligned();
    let width = u16::try_from(line.width()).unwrap_or(u16::MAX);
    frame.render_widget(line, area);
    width
}

fn render_pick(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let compact = super::compact(area);
    // Inside the borders, the padding and the "▶ " marker.
    let width = usize::from(area.width.saturating_sub(if compact { 2 } else { 6 }));
    let items: Vec<ListItem> = app
        .content
        .therapy
        .iter()
        .map(|mode| {
            let mut lines = vec![Line::from(Span::styled(mode.name.clone(), theme.current()))];
            if !compact {
                let first = mode.helps_with.first().cloned().unwrap_or_default();
                lines.push(Line::from(Span::styled(format!("  {first}"), theme.dim())));
            }
            ListItem::new(wrap_lines(&lines, width))
        })
        .collect();
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let borders = if compact { 0 } else { 2 };
    let height = u16::try_from(heights.iter().sum::<usize>() + borders).unwrap_or(u16::MAX);
    let [menu, about] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    let selected = app.therapy.picked.index();
    let title = (!compact).then(|| Span::styled(" Heat, cold or both? ", theme.title()));
    let view = ListView {
        items,
        selected,
        click_opens: true,
    };
    let rows = view.render(title, frame, menu, theme);
    let mut lines = Vec::new();
    if compact {
        if let Some(first) = app
            .content
            .therapy
            .get(selected)
            .and_then(|mode| mode.helps_with.first())
        {
            lines.push(Line::from(Span::styled(first.clone(), theme.dim())));
        }
    } else {
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        "Every application stops at 20 minutes at most. Leave 20 to 40 minutes \
         between applications.",
        theme.text(),
    )));
    if let Some(ago) = gap_ago(app) {
        lines.push(Line::from(Span::styled(
            format!("! Your last application ended {}.", words::ago(ago)),
            theme.warning(),
        )));
    }
    let about = about.inner(Margin::new(1, 0));
    frame.render_widget(paragraph(&lines, about.width), about);
    Part::list(rows)
}

pub(super) fn gap_ago(app: &App) -> Option<Duration> {
    let now = app.now?;
    therapy::rest_gap_ago(app.therapy.last_end, &now.wall)
}
