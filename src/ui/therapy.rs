//! The heat/cold timer screen: mode picker, pre-start check, rest-gap
//! warning, running countdown and the time-up alert.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Padding, Paragraph};

mod alert;
pub mod compact;
mod running;

use super::lines::{paragraph, paragraph_in, wrap_hanging, wrap_lines};
use super::theme::Theme;
use crate::app::therapy::Stage;
use crate::app::{App, Screen};
use crate::content::model::{TherapyKind, TherapyMode};
use crate::domain::therapy::{self, CAP};
use crate::time::words;

/// Draws the timer screen in its current stage.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let t = &app.therapy;
    let now = app.now;
    match (&t.alert, &t.session, now) {
        (Some(alert), _, Some(now)) => alert::render(app, &alert.session, now, frame, area, theme),
        (None, Some(session), Some(now)) => running::render(app, session, now, frame, area, theme),
        _ => match (t.stage, t.mode(app)) {
            (Stage::Check, Some(mode)) => render_check(app, mode, frame, area, theme),
            (Stage::RestGap, Some(mode)) => render_rest_gap(app, mode, frame, area, theme),
            _ => render_pick(app, frame, area, theme),
        },
    }
}

/// On other screens, a short "heat 12:34 left" at the right of the header
/// while a session runs or its alert waits.
pub fn render_badge(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    if app.screen == Screen::Therapy {
        return;
    }
    let Some(now) = app.now else { return };
    let text = if let Some(session) = &app.therapy.session {
        format!(
            "{} {} left ",
            session.running.mode.id(),
            words::clock(session.remaining(now))
        )
    } else if app.therapy.alert.is_some() {
        "remove the pack now ".to_owned()
    } else {
        return;
    };
    frame.render_widget(
        Line::from(Span::styled(text, theme.warning())).right_aligned(),
        area,
    );
}

fn render_pick(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    // Inside the borders, the padding and the "▶ " marker.
    let width = usize::from(area.width.saturating_sub(6));
    let items: Vec<ListItem> = app
        .content
        .therapy
        .iter()
        .map(|mode| {
            let first = mode.helps_with.first().cloned().unwrap_or_default();
            ListItem::new(wrap_lines(
                &[
                    Line::from(Span::styled(mode.name.clone(), theme.current())),
                    Line::from(Span::styled(format!("  {first}"), theme.dim())),
                ],
                width,
            ))
        })
        .collect();
    let rows: usize = items.iter().map(ListItem::height).sum();
    let height = u16::try_from(rows + 2).unwrap_or(u16::MAX);
    let [menu, about] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    let list = List::new(items)
        .block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(Span::styled(" Heat, cold or both? ", theme.title())),
        )
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(app.therapy.picked.index()));
    frame.render_stateful_widget(list, menu, &mut state);
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            "Every application stops at 20 minutes at most. Leave 20 to 40 minutes \
             between applications.",
            theme.text(),
        )),
    ];
    if let Some(ago) = gap_ago(app) {
        lines.push(Line::from(Span::styled(
            format!("! Your last application ended {}.", words::ago(ago)),
            theme.warning(),
        )));
    }
    let about = about.inner(Margin::new(1, 0));
    frame.render_widget(paragraph(&lines, about.width), about);
}

fn gap_ago(app: &App) -> Option<Duration> {
    let now = app.now?;
    therapy::rest_gap_ago(app.therapy.last_end, &now.wall)
}

/// `text` wrapped to `width` with a hanging indent after `mark`.
fn hanging(text: &str, mark: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let body = Line::styled(text, style);
    wrap_hanging(Span::styled(mark, style), &body, usize::from(width))
}

fn bullets(heading: &str, items: &[String], width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(heading.to_owned(), theme.title()))];
    for item in items {
        lines.extend(hanging(item, "  • ", width, theme.text()));
    }
    lines
}

fn pattern_text(mode: &TherapyMode) -> String {
    let parts: Vec<String> = mode
        .pattern
        .iter()
        .map(|s| format!("{}m {}", s.minutes, s.kind.id()))
        .collect();
    format!("{}, repeated until the end", parts.join(" → "))
}

/// Guidance, safety rules, length and question. When space is short the
/// guidance gives way first, so the rules and the question stay visible.
fn render_check(app: &App, mode: &TherapyMode, frame: &mut Frame, area: Rect, theme: Theme) {
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(
            format!(" {} · before you start ", mode.name),
            theme.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width;
    let mut guidance = bullets("When it helps", &mode.helps_with, width, theme);
    guidance.extend(bullets("How", &mode.how, width, theme));
    if !mode.pattern.is_empty() {
        guidance.push(Line::from(Span::styled("Pattern", theme.title())));
        guidance.extend(hanging(&pattern_text(mode), "  ", width, theme.text()));
    }
    let mut safety = vec![Line::from(Span::styled("Safety", theme.title()))];
    for rule in &mode.safety {
        safety.extend(hanging(rule, "  ! ", width, theme.warning()));
    }
    let question = if mode.mode == TherapyKind::Heat {
        "Warm, not hot, and comfortable on the skin? y = yes, start."
    } else {
        "Is the ice pack wrapped in a towel? y = yes, start."
    };
    let mut controls = vec![
        Line::default(),
        Line::from(vec![
            Span::styled("Length ", theme.title()),
            Span::styled(words::clock(app.therapy.planned), theme.current()),
            Span::styled(
                format!("  (+/- a minute, max {})", words::clock(CAP)),
                theme.dim(),
            ),
        ]),
    ];
    controls.extend(hanging(
        &format!(
            "The timer stops at {} at most, with no pause: take the pack off when the alert rings.",
            words::clock(CAP)
        ),
        "! ",
        width,
        theme.warning(),
    ));
    controls.extend(hanging(question, "? ", width, theme.current()));
    let height = |lines: &[Line]| u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let controls_h = height(&controls).min(inner.height);
    let safety_h = height(&safety).min(inner.height - controls_h);
    let guidance_h = height(&guidance).min(inner.height - controls_h - safety_h);
    let [top, middle, bottom, _] = Layout::vertical([
        Constraint::Length(guidance_h),
        Constraint::Length(safety_h),
        Constraint::Length(controls_h),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(guidance), top);
    frame.render_widget(Paragraph::new(safety), middle);
    // The question matters most: if space is short, keep its end.
    let skip = height(&controls).saturating_sub(controls_h);
    frame.render_widget(Paragraph::new(controls).scroll((skip, 0)), bottom);
}

fn render_rest_gap(app: &App, mode: &TherapyMode, frame: &mut Frame, area: Rect, theme: Theme) {
    let ago = gap_ago(app).unwrap_or(Duration::ZERO);
    let lines = vec![
        Line::default(),
        Line::from(Span::styled(
            format!("! Your last application ended {}.", words::ago(ago)),
            theme.warning(),
        )),
        Line::default(),
        Line::from(Span::styled(
            "Give the skin a rest between applications: published guidance is 20 to 40 \
             minutes (some say 30) before the next one.",
            theme.text(),
        )),
        Line::default(),
        Line::from(Span::styled(
            format!(
                "Start {} for {} anyway? Press y to start, Esc to wait.",
                mode.name.to_lowercase(),
                words::clock(app.therapy.planned)
            ),
            theme.current(),
        )),
    ];
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(" Too soon? ", theme.warning()));
    frame.render_widget(paragraph_in(&lines, block, area), area);
}
