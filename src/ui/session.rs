//! A running guided session: the exercise card with the current step
//! prominent, side/rep/set, the countdown in big digits, a breathing cue and
//! a gauge for the whole routine.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph};

use super::big_digits::{self, BigDigits};
use super::card::render_step_list;
use super::lines::paragraph;
use super::popup::Popup;
use super::report::Part;
use super::theme::Theme;
use super::{session_compact, session_end};
use crate::app::App;
use crate::domain::plan::{Beat, BeatKind, PlannedExercise};
use crate::domain::session::{Phase, Session};
use crate::domain::session_record::Rating;
use crate::time::words::clock;

/// Draws the session in whatever phase it is.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let Some(session) = &app.session else {
        return Part::default();
    };
    match (session.phase, app.now.map(|now| now.instant)) {
        (Phase::CheckIn | Phase::CheckOut, now) => {
            session_end::render_check(session, now, frame, area, theme);
            Part::default()
        }
        (Phase::Running, Some(now)) => {
            render_running(session, now, frame, area, theme);
            Part::default()
        }
        (Phase::Confirm, Some(now)) => {
            render_running(session, now, frame, area, theme);
            Part::text(render_confirm(app, frame, area, theme))
        }
        (Phase::Running | Phase::Confirm, None) => Part::default(),
        (Phase::Hurt, _) => Part::text(session_end::render_hurt(app, frame, area, theme)),
        (Phase::Summary, _) => Part::text(session_end::render_summary(
            app, session, frame, area, theme,
        )),
    }
}

/// Which of the card's steps is current: the first while getting into
/// position for a set, then the later steps spread over the set's reps and
/// sides, so the highlight follows the card's narrative.
pub fn step_index(session: &Session, beat: &Beat, exercise: &PlannedExercise) -> usize {
    let steps = exercise.steps.len();
    if steps < 2 {
        return 0;
    }
    let mut reps_in_set = Vec::new();
    for b in &session.plan.beats {
        let key = (b.side, b.rep);
        if b.exercise == beat.exercise && b.set == beat.set && reps_in_set.last() != Some(&key) {
            reps_in_set.push(key);
        }
    }
    let here = reps_in_set
        .iter()
        .position(|&key| key == (beat.side, beat.rep))
        .unwrap_or(0);
    if here == 0 && beat.kind == BeatKind::GetReady {
        return 0;
    }
    (1 + here * (steps - 1) / reps_in_set.len().max(1)).min(steps - 1)
}

fn render_running(session: &Session, now: Instant, frame: &mut Frame, area: Rect, theme: Theme) {
    let Some(beat) = session.current().copied() else {
        return;
    };
    let Some(exercise) = session.plan.exercises.get(beat.exercise) else {
        return;
    };
    if area.width < 60 || area.height < 16 {
        session_compact::render(session, now, frame, area, theme);
        return;
    }
    let head_height = 3 + u16::from(rating_prompt(session, now).is_some());
    let [head, middle, gauge] = Layout::vertical([
        Constraint::Length(head_height),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(head_lines(session, &beat, exercise, now, theme)),
        head,
    );
    let timer_width = if middle.width >= 120 {
        middle.width / 2
    } else if middle.width >= 70 {
        34
    } else {
        middle.width / 2
    };
    let [steps, timer] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(timer_width)]).areas(middle);
    render_steps(session, &beat, exercise, frame, steps, theme);
    render_timer(session, &beat, now, frame, timer, theme);
    let (ratio, label) = progress(session, &beat, now);
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(Span::styled(label, theme.current()))
            .gauge_style(theme.title())
            .use_unicode(true),
        gauge,
    );
}

/// How far through the routine (0 to 1), and the gauge's words:
/// "exercise 1 of 3 · 4:36 left".
pub fn progress(session: &Session, beat: &Beat, now: Instant) -> (f64, String) {
    let total = session.plan.estimated().as_secs_f64().max(1.0);
    let left = session.remaining(now);
    let ratio = (1.0 - left.as_secs_f64() / total).clamp(0.0, 1.0);
    let label = format!(
        "exercise {} of {} · {} left",
        beat.exercise + 1,
        session.plan.exercises.len(),
        clock(left)
    );
    (ratio, label)
}

/// Side, rep and set: "Right side · rep 1 of 3 · set 1 of 2".
pub fn where_words(beat: &Beat, exercise: &PlannedExercise) -> String {
    let mut where_ = Vec::new();
    if let Some(side) = beat.side {
        where_.push(side.label().to_owned());
    }
    if exercise.reps > 1 {
        where_.push(format!("rep {} of {}", beat.rep, exercise.reps));
    }
    if exercise.sets > 1 {
        where_.push(format!("set {} of {}", beat.set, exercise.sets));
    }
    capitalise(&where_.join(" · "))
}

/// What the session says now: why it is paused, or the last change
/// ("Hold", "Switch sides").
pub fn said(session: &Session) -> String {
    if session.paused {
        session
            .paused_for
            .clone()
            .unwrap_or_else(|| "Paused: Space carries on".to_owned())
    } else {
        session.announcement.clone().unwrap_or_default()
    }
}

/// "How was Chair twist? e easy · a about right · h hard · o painful",
/// while that rating is on offer; once given, "Chair twist rated hard
/// (e, a, h or o changes it)" until the offer ends.
pub fn rating_prompt(session: &Session, now: Instant) -> Option<String> {
    let name = session.rating_asked(now)?;
    if let Some(given) = session.rating_offer(now).and_then(|o| o.given) {
        let keys = Rating::keys(|key, _| key.to_string(), ", ");
        let keys = keys
            .rsplit_once(", ")
            .map_or(keys.clone(), |(head, last)| format!("{head} or {last}"));
        return Some(format!(
            "{name} rated {} ({keys} changes it)",
            given.label()
        ));
    }
    let keys = Rating::keys(|key, label| format!("{key} {label}"), " · ");
    Some(format!("How was {name}? {keys}"))
}

/// The countdown's title, its time left as text ("0:07 left", or the rep
/// where the pace is the user's), and the cue under it.
pub fn timer_words(session: &Session, beat: &Beat, now: Instant) -> (&'static str, String, String) {
    let (title, cue) = match beat.kind {
        BeatKind::GetReady => ("Get ready", "Get into position.".to_owned()),
        BeatKind::Hold => ("Hold", breathing_cue(session, now)),
        BeatKind::Manual => ("Your pace", "Enter when this rep is done.".to_owned()),
    };
    let left = match session.timer() {
        Some(timer) => format!(
            "{} left",
            clock(Duration::from_secs(timer.seconds_shown(now)))
        ),
        None => format!("Rep {}", beat.rep),
    };
    (title, left, cue)
}

fn head_lines(
    session: &Session,
    beat: &Beat,
    exercise: &PlannedExercise,
    now: Instant,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!(" {}", exercise.name), theme.title()),
            Span::styled(format!("  ({})", exercise.position.label()), theme.dim()),
        ]),
        Line::from(Span::styled(
            format!(" {}", where_words(beat, exercise)),
            theme.current(),
        )),
    ];
    let said = said(session);
    if !said.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" » {said}"),
            theme.warning(),
        )));
    }
    if let Some(prompt) = rating_prompt(session, now) {
        lines.push(Line::from(Span::styled(
            format!(" {prompt}"),
            theme.current(),
        )));
    }
    lines
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn render_steps(
    session: &Session,
    beat: &Beat,
    exercise: &PlannedExercise,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let current = step_index(session, beat, exercise);
    render_step_list(&exercise.steps, current, " Steps ", frame, area, theme);
}

fn render_timer(
    session: &Session,
    beat: &Beat,
    now: Instant,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let (title, left, cue) = timer_words(session, beat, now);
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let digits_height = if inner.height >= big_digits::HEIGHT * 2 + 6 {
        big_digits::HEIGHT * 2 + 2
    } else {
        big_digits::HEIGHT + 2
    };
    let [digits, cue_area] =
        Layout::vertical([Constraint::Length(digits_height), Constraint::Fill(1)]).areas(inner);
    let style = if session.paused {
        theme.dim()
    } else {
        theme.current()
    };
    match session.timer() {
        Some(timer) => {
            let shown = clock(Duration::from_secs(timer.seconds_shown(now)));
            frame.render_widget(BigDigits::new(&shown, style), digits);
        }
        None => {
            let [_, middle, _] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(digits);
            frame.render_widget(
                Line::from(Span::styled(format!("Rep {}", beat.rep), style)).centered(),
                middle,
            );
        }
    }
    // The time left in words too: a screen reader reads the big digits
    // as a row of blocks.
    let mut lines = Vec::new();
    if session.timer().is_some() {
        lines.push(Line::from(Span::styled(left, style)).centered());
    }
    lines.push(Line::from(Span::styled(cue, theme.text())).centered());
    if session.paused {
        lines.push(Line::from(Span::styled("‖ paused", theme.warning())).centered());
    }
    frame.render_widget(paragraph(&lines, cue_area.width), cue_area);
}

/// "Breathe in…" and "…and out" in turn, four seconds each, following the
/// whole seconds of the hold so it changes only when the digits do.
fn breathing_cue(session: &Session, now: Instant) -> String {
    let Some(timer) = session.timer() else {
        return String::new();
    };
    let gone = timer
        .length
        .as_secs()
        .saturating_sub(timer.seconds_shown(now));
    if gone / 4 % 2 == 0 {
        "Breathe in slowly…".to_owned()
    } else {
        "…and breathe out.".to_owned()
    }
}

fn render_confirm(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> crate::app::Shown {
    let text = vec![
        Line::from(Span::styled("Leave this session?", theme.title())),
        Line::from(Span::styled(
            "It is kept in your history as abandoned.",
            theme.text(),
        )),
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::styled(" leave   ", theme.dim()),
            Span::styled("n", theme.key()),
            Span::styled(" keep going", theme.dim()),
        ]),
    ];
    Popup::new(Span::styled(" Paused ", theme.warning()), text, 52)
        .render(frame, area, app.scroll, theme)
}
