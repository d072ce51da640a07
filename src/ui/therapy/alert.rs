//! The time-up alert: remove the pack now, and how long ago it ended.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::therapy::mode_name;
use crate::app::{App, Now};
use crate::domain::therapy::Session;
use crate::time::words;
use crate::ui::lines::{self, wrap_lines};
use crate::ui::theme::Theme;

/// Draws the alert over the whole body.
pub(super) fn render(
    app: &App,
    session: &Session,
    now: Now,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let when = match session.ended_ago(now) {
        None => "The clock changed while it was on, so how long it has been on cannot be \
                 known."
            .to_owned(),
        Some(over) if over.as_secs() < 60 => "Time is up.".to_owned(),
        Some(over) => format!("It ended {}.", words::ago(over)),
    };
    let lines = vec![
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
                words::clock(session.planned())
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
    let block = Block::bordered()
        .border_style(theme.warning())
        .title(Span::styled(" Time is up ", theme.warning()));
    let centred: Vec<Line> = lines.into_iter().map(Line::centered).collect();
    let mut lines = wrap_lines(&centred, usize::from(block.inner(area).width));
    // Where space is short the blank lines go, then the border: every
    // word of the alert stays.
    if lines::height(&lines).saturating_add(2) > area.height {
        lines.retain(|line| line.width() > 0);
    }
    if lines::height(&lines).saturating_add(2) > area.height {
        let mut lines = wrap_lines(&centred, usize::from(area.width));
        lines.retain(|line| line.width() > 0);
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let block_height = lines::height(&lines).saturating_add(2);
    let top = area.height.saturating_sub(block_height) / 2;
    lines.splice(0..0, std::iter::repeat_n(Line::default(), usize::from(top)));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
