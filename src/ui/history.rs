//! The History screen: streak, sessions per week, pain before and after
//! over time, and the recent sessions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Paragraph, Row, Sparkline, Table, TableState,
};

use super::history_compact;
use super::lines::wrap_lines;
use super::standup_stats;
use super::theme::Theme;
use crate::app::App;
use crate::domain::progress::{Progress, WEEKS, week_start};
use crate::domain::session_record::{ExerciseOutcome, SessionRecord};
use crate::text::safe;
use crate::time::words::clock;

/// Draws the history as last read.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let Some(history) = &app.history else {
        frame.render_widget(
            Paragraph::new(" Reading the history…").style(theme.dim()),
            area,
        );
        return;
    };
    let progress = &history.progress;
    let today = progress.today;
    if progress.sessions == 0 {
        let lines: Vec<Line> = [
            Line::from(Span::styled(" No sessions yet.", theme.current())),
            Line::from(Span::styled(
                " Finish, stop or leave a guided session and it appears here.",
                theme.dim(),
            )),
            Line::default(),
            standup_line(progress, theme),
        ]
        .into_iter()
        .chain(standup_stats::lines(&history.standups, area.width, theme))
        .collect();
        let width = usize::from(area.width).max(1);
        frame.render_widget(Paragraph::new(wrap_lines(&lines, width)), area);
        return;
    }
    if history_compact::needed(area) {
        let stats = standup_stats::lines(&history.standups, area.width, theme);
        history_compact::render(app, progress, stats, frame, area, theme);
        return;
    }
    let mut standup_lines = vec![standup_line(progress, theme)];
    standup_lines.extend(standup_stats::lines(&history.standups, area.width, theme));
    let [head, standups, charts, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::try_from(standup_lines.len()).unwrap_or(3)),
        Constraint::Length(7),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(standup_lines), standups);
    let days = progress.streak();
    frame.render_widget(
        Line::from(vec![
            Span::styled(" Streak: ", theme.dim()),
            Span::styled(crate::text::counted(days as usize, "day"), theme.current()),
            Span::styled("  ·  This week: ", theme.dim()),
            Span::styled(
                format!("{}", progress.weeks.last().copied().unwrap_or(0)),
                theme.current(),
            ),
            Span::styled("  ·  All sessions: ", theme.dim()),
            Span::styled(format!("{}", progress.sessions), theme.current()),
        ]),
        head,
    );
    let [week_area, pain_area] =
        Layout::horizontal([Constraint::Length(38), Constraint::Fill(1)]).areas(charts);
    render_weeks(&progress.weeks, today, frame, week_area, theme);
    render_pain(progress, frame, pain_area, theme);
    render_list(app, progress, frame, list, theme);
}

/// "Stand-ups per day: Mo 4  Tu 2 ... Su 3 (today)", the last seven days.
fn standup_line(progress: &Progress, theme: Theme) -> Line<'static> {
    let days = progress.standups.len();
    let mut spans = vec![Span::styled(" Stand-ups per day: ", theme.dim())];
    for (i, count) in progress.standups.iter().enumerate() {
        let day = progress.today - chrono::Duration::days((days - 1 - i) as i64);
        let name: String = day.format("%a").to_string().chars().take(2).collect();
        // A no-break space: a narrow pane wraps between days, never
        // between a day and its count.
        spans.push(Span::styled(format!("{name}\u{a0}"), theme.dim()));
        spans.push(Span::styled(format!("{count}  "), theme.current()));
    }
    spans.push(Span::styled("(today last)", theme.dim()));
    Line::from(spans)
}

fn render_weeks(
    weeks: &[u64],
    today: chrono::NaiveDate,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let first = week_start(today) - chrono::Duration::weeks(WEEKS as i64 - 1);
    let bars: Vec<Bar> = weeks
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let monday = first + chrono::Duration::weeks(i as i64);
            Bar::default()
                .value(n)
                .label(Line::from(monday.format("%d/%m").to_string()))
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::bordered().title(Span::styled(
            " Sessions per week (from Monday) ",
            theme.title(),
        )))
        .data(BarGroup::default().bars(&bars))
        .bar_width(5)
        .bar_gap(1)
        .bar_style(theme.title())
        .value_style(theme.selected());
    frame.render_widget(chart, area);
}

fn render_pain(progress: &Progress, frame: &mut Frame, area: Rect, theme: Theme) {
    let block =
        Block::bordered().title(Span::styled(" Pain 0-10, recent sessions ", theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width.saturating_sub(8));
    // One step up so a rating of 1 still shows a bar; 0 stays empty.
    let lift = |series: Vec<Option<u64>>| -> Vec<Option<u64>> {
        series.into_iter().map(|v| v.map(|v| v + 1)).collect()
    };
    let (before, after) = progress.pain_series(width);
    let (before, after) = (lift(before), lift(after));
    let [top, bottom, _, legend] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Span::styled(" ▁ low  █ high  · not given", theme.dim()),
        legend,
    );
    for (label, data, row, style) in [
        ("before", before, top, theme.warning()),
        ("after ", after, bottom, theme.title()),
    ] {
        let [name, line] =
            Layout::horizontal([Constraint::Length(8), Constraint::Fill(1)]).areas(row);
        frame.render_widget(Span::styled(format!(" {label}"), theme.dim()), name);
        frame.render_widget(
            Sparkline::default()
                .data(data)
                .max(11)
                .style(style)
                .absent_value_symbol("·"),
            line,
        );
    }
}

fn render_list(app: &App, progress: &Progress, frame: &mut Frame, area: Rect, theme: Theme) {
    let pain = |p: Option<u8>| p.map_or("-".to_owned(), |v| v.to_string());
    let rows: Vec<Row> = progress
        .recent
        .iter()
        .rev()
        .map(|r: &SessionRecord| {
            let name = routine_name(app, &r.routine);
            Row::new(vec![
                r.started.format("%Y-%m-%d %H:%M").to_string(),
                name,
                r.honest_outcome().label().to_owned(),
                clock(std::time::Duration::from_secs(r.duration_secs)),
                format!("{}/{}", r.count(ExerciseOutcome::Done), r.exercises.len()),
                format!("{} → {}", pain(r.pain_before), pain(r.pain_after)),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(16),
            Constraint::Fill(2),
            Constraint::Length(16),
            Constraint::Length(7),
            Constraint::Length(5),
            Constraint::Length(7),
        ],
    )
    .header(
        Row::new(vec![
            "Started", "Routine", "Outcome", "Time", "Done", "Pain",
        ])
        .style(theme.dim()),
    )
    .row_highlight_style(theme.selected())
    .block(Block::bordered().title(Span::styled(" Recent sessions ", theme.title())));
    let mut state = TableState::default().with_selected(Some(app.history_selected.index()));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The routine's name from the content, or its id made safe to show when
/// the content no longer has it.
pub fn routine_name(app: &App, id: &str) -> String {
    app.content
        .routines
        .iter()
        .find(|x| x.id == id)
        .map_or_else(|| safe::shown(id).into_owned(), |x| x.name.clone())
}
