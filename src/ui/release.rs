//! The gate's verdict and the technique list, and the habit warning.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Padding, Paragraph};

use super::lines::{self, wrap_hanging, wrap_lines};
use super::popup::Popup;
use super::theme::Theme;
use crate::app::App;
use crate::domain::safety::Verdict;

/// Draws why the gate is (partly) closed, urgent answers first, then each
/// technique marked open or locked.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let yes: &[String] = app
        .settings
        .safety_gate
        .answers
        .as_ref()
        .map_or(&[], |a| a.yes.as_slice());
    let verdict = Verdict::from_yes(&app.content.checklist, yes);
    let width = usize::from(area.width.saturating_sub(4)).max(1);
    let mut why: Vec<Line> = Vec::new();
    let mut push = |text: &str, lead: &'static str, style| {
        let body = Line::styled(text.to_owned(), style);
        why.extend(wrap_hanging(Span::styled(lead, style), &body, width));
    };
    for item in &verdict.closed_by {
        let text = format!("{} See {}.", item.why, item.see);
        if item.urgent {
            push(&text, "! URGENT: ", theme.urgent());
        } else {
            push(&text, "• ", theme.text());
        }
    }
    let (title, title_style) = if verdict.closed_by.is_empty() {
        push(
            "All your answers were no: the techniques are open until midnight.",
            "",
            theme.text(),
        );
        (" Open today ", theme.title())
    } else {
        push(
            "Your answers hold until midnight; the checklist asks again tomorrow.",
            "",
            theme.dim(),
        );
        let title = if verdict.locks_all() {
            " ! Self-release stays locked today "
        } else {
            " ! Some techniques stay locked today "
        };
        (title, theme.warning())
    };
    const RULES: &str = "Gentle motion only, never forceful or sudden; never chase the pop. \
        Stop at once if it hurts, you move less, or numbness or tingling runs into a leg.";
    let foot_lines = wrap_lines(
        &[Line::styled(RULES, theme.dim())],
        usize::from(area.width.saturating_sub(2)),
    );
    let foot_height = lines::height(&foot_lines);
    let why_height = u16::try_from(why.len() + 2).unwrap_or(u16::MAX);
    let [why_area, list_area, foot] = Layout::vertical([
        Constraint::Max(why_height),
        Constraint::Min(3),
        Constraint::Length(foot_height),
    ])
    .areas(area);
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(title, title_style));
    frame.render_widget(Paragraph::new(why).block(block), why_area);

    let rows: Vec<ListItem> = app
        .content
        .techniques
        .iter()
        .map(|t| {
            let (mark, style) = match verdict.lock_for(t) {
                Some(_) => ("[locked]", theme.dim()),
                None => ("[open]  ", theme.current()),
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::styled(t.name.as_str(), style),
                Span::styled(format!("  ({})", t.position.label()), theme.dim()),
            ]))
        })
        .collect();
    let list = List::new(rows)
        .block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(Span::styled(" Techniques ", theme.title())),
        )
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(app.safety.selected.index()));
    frame.render_stateful_widget(list, list_area, &mut state);
    frame.render_widget(Paragraph::new(foot_lines), foot.inner(Margin::new(1, 0)));
}

/// Draws the habit warning in a centred box.
pub fn render_habit(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let window = app.content.moderation.window_days;
    let lines = vec![
        Line::from(Span::styled(
            format!(
                "You used self-release on {} of the last {window} days.",
                app.safety.habit_days
            ),
            theme.current(),
        )),
        Line::default(),
        Line::from(Span::styled(
            "Self-releasing has become a habit. That is the signal to see a physical \
             therapist or chiropractor: the urge to pop usually means one part of the \
             spine is not moving well, and popping it again and again can hide the \
             problem instead of fixing it. Relief from popping does not last.",
            theme.text(),
        )),
        Line::default(),
        Line::from(vec![
            Span::styled("Press ", theme.dim()),
            Span::styled("a", theme.key()),
            Span::styled(
                " to acknowledge this and open the techniques for today, or ",
                theme.dim(),
            ),
            Span::styled("Esc", theme.key()),
            Span::styled(" to go back.", theme.dim()),
        ]),
    ];
    let title = Span::styled(" ! This has become a habit ", theme.warning());
    Popup::new(title, lines, 70).render(frame, area);
}

/// The library's pointer to the techniques, on its bottom border: they are
/// not in the list because they open only through the checklist.
pub fn library_hint(theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(" r ", theme.key()),
        Span::styled(
            "self-release techniques (safety checklist first) ",
            theme.dim(),
        ),
    ])
}
