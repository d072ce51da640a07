//! A guided session where the full layout does not fit: the time left and
//! the cue first, then the current step, where in the routine, and big
//! digits only when there is room to spare; below the smallest layout, a
//! few short lines down to one.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::big_digits;
use super::few_lines;
use super::lines::{wrap_hanging, wrap_lines};
use super::session::{progress, said, step_index, timer_words, where_words};
use super::theme::Theme;
use crate::app::{App, Screen};
use crate::domain::plan::Beat;
use crate::domain::session::{Phase, Session};

/// One part of the stack: its lines, and how much it matters (0 most).
struct Piece {
    rank: u8,
    lines: Vec<Line<'static>>,
}

/// Keeps the pieces that fit `height`, the most important first, and
/// returns their lines in their own order.
fn fit(pieces: Vec<Piece>, height: usize) -> Vec<Line<'static>> {
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    order.sort_by_key(|&i| pieces[i].rank);
    let mut keep = vec![false; pieces.len()];
    let mut used = 0;
    for i in order {
        let rows = pieces[i].lines.len();
        if used + rows <= height {
            used += rows;
            keep[i] = true;
        }
    }
    pieces
        .into_iter()
        .zip(keep)
        .filter(|(_, keep)| *keep)
        .flat_map(|(piece, _)| piece.lines)
        .collect()
}

/// Draws the running session in `area`, most important lines first.
pub fn render(session: &Session, now: Instant, frame: &mut Frame, area: Rect, theme: Theme) {
    let Some(beat) = session.current().copied() else {
        return;
    };
    let Some(exercise) = session.plan.exercises.get(beat.exercise) else {
        return;
    };
    let area = super::indent(area);
    let width = usize::from(area.width.saturating_sub(1));
    let wrap = |text: String, style: Style| wrap_lines(&[Line::styled(text, style)], width);
    let (title, left, cue) = timer_words(session, &beat, now);
    let time_style = if session.paused {
        theme.dim()
    } else {
        theme.current()
    };
    let mut time = vec![
        Line::from(vec![
            Span::styled(format!("{title} · "), theme.title()),
            Span::styled(left, time_style),
        ])
        .centered(),
    ];
    if session.paused {
        time.push(Line::styled("‖ paused", theme.warning()).centered());
    }
    let step = step_index(session, &beat, exercise);
    let step_lines = exercise.steps.get(step).map_or_else(Vec::new, |text| {
        let lead = Span::styled(format!("▶ {}. ", step + 1), theme.current());
        wrap_hanging(lead, &Line::styled(text.clone(), theme.current()), width)
    });
    let said = said(session);
    let mut pieces = vec![
        Piece {
            rank: 4,
            lines: wrap(exercise.name.clone(), theme.title()),
        },
        Piece {
            rank: 3,
            lines: wrap(where_words(&beat, exercise), theme.current()),
        },
    ];
    if !said.is_empty() {
        pieces.push(Piece {
            rank: 2,
            lines: wrap(format!("» {said}"), theme.warning()),
        });
    }
    if let Some(prompt) = super::session::rating_prompt(session, now) {
        pieces.push(Piece {
            rank: 2,
            lines: wrap(prompt, theme.current()),
        });
    }
    pieces.push(Piece {
        rank: 1,
        lines: step_lines,
    });
    if let Some(timer) = session.timer() {
        let shown =
            crate::time::words::clock(std::time::Duration::from_secs(timer.seconds_shown(now)));
        if usize::from(big_digits::BigDigits::width(&shown)) <= width {
            pieces.push(Piece {
                rank: 6,
                lines: big_digits::lines(&shown, time_style),
            });
        }
    }
    pieces.push(Piece {
        rank: 0,
        lines: time,
    });
    pieces.push(Piece {
        rank: 0,
        lines: wrap_lines(&[Line::styled(cue, theme.text()).centered()], width),
    });
    let (_, label) = progress(session, &beat, now);
    pieces.push(Piece {
        rank: 5,
        lines: wrap(label, theme.dim()),
    });
    let mut lines = fit(pieces, usize::from(area.height));
    // Centred vertically, as the full layout's timer is.
    let top = usize::from(area.height).saturating_sub(lines.len()) / 2;
    lines.splice(0..0, std::iter::repeat_n(Line::default(), top));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Below the smallest layout: the countdown (or the question to leave) in
/// a few short lines, down to one. False when no session is under way on
/// screen.
pub fn render_tiny(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> bool {
    let (Some(session), Some(now)) = (&app.session, app.now) else {
        return false;
    };
    let running = matches!(session.phase, Phase::Running | Phase::Confirm);
    if app.screen != Screen::Session || !running {
        return false;
    }
    let Some(beat) = session.current().copied() else {
        return false;
    };
    if session.phase == Phase::Confirm {
        let lines = [
            ("Leave this session?".to_owned(), theme.title()),
            ("y leave · n keep going".to_owned(), theme.key()),
            (
                "It is kept in your history as abandoned.".to_owned(),
                theme.text(),
            ),
        ];
        few_lines::draw(frame, area, &lines, ("Leave? y/n".to_owned(), theme.key()));
        return true;
    }
    let (title, left, cue) = timer_words(session, &beat, now.instant);
    let time = format!("{title} {left}");
    let pause = if session.paused {
        "‖ paused · Space resumes"
    } else {
        "! hurts · Space pause"
    };
    let lines = [
        (time.clone(), theme.current()),
        (cue, theme.text()),
        (pause.to_owned(), theme.key()),
        (exercise_words(session, &beat), theme.title()),
    ];
    few_lines::draw(frame, area, &lines, (time, theme.current()));
    true
}

/// "Cat-cow · right side · rep 1 of 3".
fn exercise_words(session: &Session, beat: &Beat) -> String {
    session
        .plan
        .exercises
        .get(beat.exercise)
        .map(|exercise| {
            let where_ = where_words(beat, exercise);
            if where_.is_empty() {
                exercise.name.clone()
            } else {
                format!("{} · {where_}", exercise.name)
            }
        })
        .unwrap_or_default()
}
