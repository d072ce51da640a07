//! The heat/cold timer screen: mode picker, pre-start check, rest-gap
//! warning, running countdown and the time-up alert.

use std::time::Duration;

use chrono::Local;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, List, ListItem, ListState, Padding, Paragraph, Wrap};

use super::big_clock;
use super::theme::Theme;
use super::wrap::wrap_words;
use crate::app::therapy::{Stage, mode_name, switch_to};
use crate::app::{App, Now, Screen};
use crate::content::model::{TherapyKind, TherapyMode};
use crate::domain::therapy::{self, CAP, Session};

/// How long a contrast switch stays announced on the running screen.
const SWITCH_SHOWN: Duration = Duration::from_secs(20);

/// Draws the timer screen in its current stage.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let t = &app.therapy;
    let now = t.clock;
    match (&t.alert, &t.session, now) {
        (Some(alert), _, Some(now)) => render_alert(app, &alert.session, now, frame, area, theme),
        (None, Some(session), Some(now)) => render_running(app, session, now, frame, area, theme),
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
    let Some(now) = app.therapy.clock else { return };
    let text = if let Some(session) = &app.therapy.session {
        format!(
            "{} {} left ",
            session.running.mode.id(),
            therapy::clock_text(session.remaining(now))
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
    let items: Vec<ListItem> = app
        .content
        .therapy
        .iter()
        .map(|mode| {
            let first = mode.helps_with.first().cloned().unwrap_or_default();
            ListItem::new(vec![
                Line::from(Span::styled(mode.name.clone(), theme.current())),
                Line::from(Span::styled(format!("  {first}"), theme.dim())),
            ])
        })
        .collect();
    let height = u16::try_from(items.len() * 2 + 2).unwrap_or(u16::MAX);
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
    let mut state = ListState::default().with_selected(Some(app.therapy.picked));
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
            format!("! Your last application ended {}.", ago_text(ago)),
            theme.warning(),
        )));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        about.inner(Margin::new(1, 0)),
    );
}

fn gap_ago(app: &App) -> Option<Duration> {
    let now = app.therapy.clock?;
    therapy::rest_gap_ago(app.therapy.last_end, &now.wall)
}

fn ago_text(ago: Duration) -> String {
    match ago.as_secs() / 60 {
        0 => "less than a minute ago".to_owned(),
        1 => "1 minute ago".to_owned(),
        n => format!("{n} minutes ago"),
    }
}

/// `text` wrapped to `width` with a hanging indent after `mark`.
fn hanging(text: &str, mark: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let indent = mark.chars().count();
    let room = usize::from(width).saturating_sub(indent).max(1);
    wrap_words(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 {
                mark.to_owned()
            } else {
                " ".repeat(indent)
            };
            Line::from(Span::styled(format!("{lead}{line}"), style))
        })
        .collect()
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
        "Warm, not hot, and comfortable on the skin? Enter = yes, start."
    } else {
        "Is the ice pack wrapped in a towel? Enter = yes, start."
    };
    let mut controls = vec![
        Line::default(),
        Line::from(vec![
            Span::styled("Length ", theme.title()),
            Span::styled(therapy::clock_text(app.therapy.planned), theme.current()),
            Span::styled(
                format!("  (+/- a minute, max {})", therapy::clock_text(CAP)),
                theme.dim(),
            ),
        ]),
    ];
    controls.extend(hanging(
        &format!(
            "The timer stops at {} at most, with no pause: take the pack off when the alert rings.",
            therapy::clock_text(CAP)
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
            format!("! Your last application ended {}.", ago_text(ago)),
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
                therapy::clock_text(app.therapy.planned)
            ),
            theme.current(),
        )),
    ];
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(" Too soon? ", theme.warning()));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

fn render_running(
    app: &App,
    session: &Session,
    now: Now,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let mode = session.running.mode;
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(
            format!(" {} · on the skin ", mode_name(app, mode)),
            theme.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // One readable column on wide terminals.
    let [_, inner, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Max(76),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let remaining = session.remaining(now);
    let clock = therapy::clock_text(remaining);
    let big = inner.width >= big_clock::width(&clock) && inner.height >= 12;
    let clock_height = if big { big_clock::HEIGHT } else { 1 };
    // Centred vertically: clock, gap, gauge, then four lines of details.
    let [_, clock_area, _, gauge_area, details, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(clock_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let clock_lines = if big {
        big_clock::lines(&clock)
    } else {
        vec![Line::from(format!("{clock} left"))]
    };
    frame.render_widget(
        Paragraph::new(clock_lines)
            .style(theme.current())
            .alignment(Alignment::Center),
        clock_area,
    );
    let planned = session.planned();
    let ratio = if planned.is_zero() {
        1.0
    } else {
        (session.elapsed(now).as_secs_f64() / planned.as_secs_f64()).clamp(0.0, 1.0)
    };
    let ends = (now.wall + remaining).with_timezone(&Local);
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(format!("ends at {}", ends.format("%H:%M")))
            .gauge_style(theme.title()),
        gauge_area,
    );
    frame.render_widget(
        Paragraph::new(running_details(app, session, now, theme)).wrap(Wrap { trim: true }),
        details,
    );
}

fn running_details<'a>(app: &App, session: &Session, now: Now, theme: Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::default()];
    let started = session.running.started.with_timezone(&Local);
    let (index, kind, left) = session.segment(now);
    if session.running.mode == TherapyKind::Contrast {
        lines.push(Line::from(vec![
            Span::styled("Now ", theme.dim()),
            Span::styled(kind.id().to_uppercase(), theme.current()),
            Span::styled(
                format!(
                    "  segment {} of {}, {} left in it",
                    index + 1,
                    session.segment_count(),
                    therapy::clock_text(left)
                ),
                theme.dim(),
            ),
        ]));
        let into = segment_length(session, index).saturating_sub(left);
        if index > 0 && into < SWITCH_SHOWN {
            lines.push(Line::from(Span::styled(
                format!("↻ Switch now: {}.", switch_to(kind)),
                theme.warning(),
            )));
        }
    } else {
        lines.push(Line::from(vec![
            Span::styled("Mode ", theme.dim()),
            Span::styled(mode_name(app, kind), theme.current()),
        ]));
    }
    lines.push(Line::from(Span::styled(
        format!(
            "Started {} · planned {} · never more than {} from the start",
            started.format("%H:%M"),
            therapy::clock_text(session.planned()),
            therapy::clock_text(CAP)
        ),
        theme.dim(),
    )));
    lines
}

/// Full length of segment `index` (the last may be cut by the end).
fn segment_length(session: &Session, index: usize) -> Duration {
    let pattern = &session.running.pattern;
    match pattern.get(index % pattern.len().max(1)) {
        Some(segment) => Duration::from_secs(segment.secs),
        None => session.planned(),
    }
}

fn render_alert(
    app: &App,
    session: &Session,
    now: Now,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let over = session.elapsed(now).saturating_sub(session.planned());
    let when = match over.as_secs() / 60 {
        0 => "Time is up.".to_owned(),
        1 => "It ended 1 minute ago.".to_owned(),
        n => format!("It ended {n} minutes ago."),
    };
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            " !! REMOVE THE PACK NOW !! ",
            theme.warning().add_modifier(Modifier::REVERSED),
        )),
        Line::default(),
        Line::from(Span::styled(
            format!(
                "{} session of {} is over. {when}",
                mode_name(app, session.running.mode),
                therapy::clock_text(session.planned())
            ),
            theme.current(),
        )),
        Line::default(),
        Line::from(Span::styled(
            "Take the pack off the skin now. Leave 20 to 40 minutes before the next application.",
            theme.text(),
        )),
        Line::default(),
        Line::from(Span::styled(
            "Press Enter once the pack is off.",
            theme.dim(),
        )),
    ];
    let block_height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(block_height) / 2;
    lines.splice(0..0, std::iter::repeat_n(Line::default(), usize::from(top)));
    let block = Block::bordered()
        .border_style(theme.warning())
        .title(Span::styled(" Time is up ", theme.warning()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
