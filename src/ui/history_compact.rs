//! The History screen in a small pane: the figures as short lines of text
//! instead of charts, then the recent sessions as a bare list (time,
//! routine, how it ended in a word, pain before and after). Nothing
//! the full layout says is lost but the pain chart, whose figures are in
//! the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState};

use super::lines::wrap_lines;
use super::theme::Theme;
use crate::app::App;
use crate::domain::progress::Progress;
use crate::domain::session_record::SessionOutcome;
use crate::text::counted;

/// True when the full History layout (two charts side by side over the
/// table) does not fit `area`.
pub fn needed(area: Rect) -> bool {
    super::compact(area) || area.width < 72 || area.height < 16
}

/// Draws the figures, then `stats` (the stand-up statistics' lines, which
/// stand in for the full layout's seven days of stand-ups), then the
/// recent sessions in `area`.
pub fn render(
    app: &App,
    progress: &Progress,
    stats: Vec<Line<'static>>,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let week = |n: u64| n.to_string();
    let weeks: Vec<String> = progress.weeks.iter().map(|&n| week(n)).collect();
    let figures = [
        Line::from(vec![
            Span::styled(" Streak ", theme.dim()),
            Span::styled(counted(progress.streak() as usize, "day"), theme.current()),
            Span::styled(" · week ", theme.dim()),
            Span::styled(
                week(progress.weeks.last().copied().unwrap_or(0)),
                theme.current(),
            ),
            Span::styled(" · all ", theme.dim()),
            Span::styled(progress.sessions.to_string(), theme.current()),
        ]),
        Line::from(vec![
            Span::styled(" Per week: ", theme.dim()),
            Span::styled(weeks.join(" "), theme.current()),
            Span::styled(" (latest last)", theme.dim()),
        ]),
    ];
    let figures: Vec<Line> = figures.into_iter().chain(stats).collect();
    let figures = wrap_lines(&figures, usize::from(area.width).max(1));
    // The list keeps at least three rows (header and two sessions); the
    // figures give way from the last when the pane is that short.
    let room = usize::from(area.height.saturating_sub(3));
    let shown = figures.len().min(room);
    let [top, list] = Layout::vertical([
        Constraint::Length(u16::try_from(shown).unwrap_or(0)),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(figures[..shown].to_vec()), top);
    // The same one-cell margin as the lines above.
    let list = Rect {
        x: list.x.saturating_add(1),
        width: list.width.saturating_sub(1),
        ..list
    };
    render_list(app, progress, frame, list, theme);
}

fn render_list(app: &App, progress: &Progress, frame: &mut Frame, area: Rect, theme: Theme) {
    let pain = |p: Option<u8>| p.map_or("-".to_owned(), |v| v.to_string());
    let rows: Vec<Row> = progress
        .recent
        .iter()
        .rev()
        .map(|r| {
            Row::new(vec![
                r.started.format("%d/%m %H:%M").to_string(),
                super::history::routine_name(app, &r.routine),
                ended(r.honest_outcome()).to_owned(),
                format!("{}→{}", pain(r.pain_before), pain(r.pain_after)),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(11),
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Length(5),
        ],
    )
    .column_spacing(1)
    .header(Row::new(vec!["Started", "Routine", "End", "Pain"]).style(theme.dim()))
    .row_highlight_style(theme.selected());
    let mut state = TableState::default().with_selected(Some(app.history_selected.index()));
    frame.render_stateful_widget(table, area, &mut state);
}

/// How a session ended, in four cells ("hurt": stopped for pain; "skip":
/// no exercise done).
fn ended(outcome: SessionOutcome) -> &'static str {
    match outcome {
        SessionOutcome::Completed => "done",
        SessionOutcome::StoppedForPain => "hurt",
        SessionOutcome::Abandoned => "left",
        SessionOutcome::Skipped => "skip",
    }
}
