//! The running countdown: big mm:ss, gauge with the end time, mode and
//! contrast segment, and the switch announcement.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Padding, Paragraph};

use crate::app::therapy::{mode_name, switch_to};
use crate::app::{App, Now};
use crate::content::model::TherapyKind;
use crate::domain::therapy::{CAP, Session};
use crate::time::words;
use crate::ui::big_digits::{self, BigDigits};
use crate::ui::lines::paragraph;
use crate::ui::theme::Theme;

/// How long a contrast switch stays announced on the running screen.
const SWITCH_SHOWN: Duration = Duration::from_secs(20);

/// Draws a session on the skin.
pub(super) fn render(
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
    let clock = words::clock(remaining);
    let big = inner.width >= BigDigits::width(&clock) && inner.height >= 13;
    // Big digits with the time in words under them (a screen reader reads
    // the digits as a row of blocks), or the words alone.
    let digits_height = if big { big_digits::HEIGHT } else { 0 };
    // Centred vertically: clock, gap, gauge, then four lines of details.
    let [_, digits_area, words_area, _, gauge_area, details, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(digits_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Fill(1),
    ])
    .areas(inner);
    if big {
        frame.render_widget(BigDigits::new(&clock, theme.current()), digits_area);
    }
    frame.render_widget(
        Paragraph::new(format!("{clock} left"))
            .style(theme.current())
            .alignment(Alignment::Center),
        words_area,
    );
    let planned = session.planned();
    let ratio = if planned.is_zero() {
        1.0
    } else {
        (session.elapsed(now).as_secs_f64() / planned.as_secs_f64()).clamp(0.0, 1.0)
    };
    let ends = now.wall + remaining;
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(format!("ends at {}", ends.format("%H:%M")))
            .gauge_style(theme.title()),
        gauge_area,
    );
    let details_text = running_details(app, session, now, theme);
    frame.render_widget(paragraph(&details_text, details.width), details);
}

fn running_details<'a>(app: &App, session: &Session, now: Now, theme: Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::default()];
    let started = words::local(session.running.started, &now.wall);
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
                    words::clock(left)
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
            words::clock(session.planned()),
            words::clock(CAP)
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
