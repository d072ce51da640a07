//! The gate's verdict and the technique list, and the habit warning.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Padding, Paragraph};

use super::lines::{self, wrap_hanging, wrap_lines};
use super::list_view::ListView;
use super::popup::Popup;
use super::report::Part;
use super::scroll_text::{self, Place, ScrollText};
use super::theme::Theme;
use crate::app::App;
use crate::domain::safety::Verdict;

/// What every technique asks, under the list.
const RULES: &str = "Gentle motion only, never forceful or sudden; never chase the pop. \
    Stop at once if it hurts, you move less, or numbness or tingling runs into a leg.";

/// Why the gate is (partly) closed, urgent answers first, wrapped to
/// `width`; and the box's title.
fn verdict_text(
    verdict: &Verdict,
    width: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, &'static str, Style) {
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
    if verdict.closed_by.is_empty() {
        push(
            "All your answers were no: the techniques are open until midnight.",
            "",
            theme.text(),
        );
        return (why, " Open today ", theme.title());
    }
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
    (why, title, theme.warning())
}

/// Draws why the gate is (partly) closed, then each technique marked open
/// or locked, then the rules; in a small terminal the list comes first
/// and the reasons and rules scroll under it.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let yes: &[String] = app
        .settings
        .safety_gate
        .answers
        .as_ref()
        .map_or(&[], |a| a.yes.as_slice());
    let verdict = Verdict::from_yes(&app.content.checklist, yes);
    let compact = super::compact(area);
    let width = area.width.saturating_sub(if compact { 2 } else { 4 });
    let (why, title, title_style) = verdict_text(&verdict, usize::from(width).max(1), theme);
    let rows: Vec<ListItem> = app
        .content
        .techniques
        .iter()
        .map(|t| {
            let (mark, style) = match verdict.lock_for(t) {
                Some(_) => ("[locked]", theme.dim()),
                None => ("[open]  ", theme.current()),
            };
            let mut spans = vec![
                Span::styled(format!("{mark} "), style),
                Span::styled(t.name.as_str(), style),
            ];
            // In a small terminal the card says where to sit.
            if !compact {
                spans.push(Span::styled(
                    format!("  ({})", t.position.label()),
                    theme.dim(),
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let count = rows.len();
    let list = ListView {
        items: rows,
        selected: app.safety.selected.index(),
        click_opens: true,
    };
    if compact {
        let list_height = u16::try_from(count)
            .unwrap_or(u16::MAX)
            .min(area.height.saturating_sub(3));
        let [head, list_area, text_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(list_height),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(
            Line::styled(format!(" {}", title.trim()), title_style),
            head,
        );
        let rows = list.render(None, frame, list_area, theme);
        let mut text = why;
        text.extend(wrap_lines(
            &[Line::styled(RULES, theme.dim())],
            usize::from(width),
        ));
        let place = Place::plain(super::indent(text_area));
        let shown = scroll_text::render(ScrollText::new(text), app.scroll, frame, place, theme);
        return Part {
            text: Some(shown),
            list: Some(rows),
        };
    }
    let foot_lines = wrap_lines(
        &[Line::styled(RULES, theme.dim())],
        usize::from(area.width.saturating_sub(2)),
    );
    let foot_height = lines::height(&foot_lines);
    let why_height = lines::height(&why).saturating_add(2);
    let [why_area, list_area, foot] = Layout::vertical([
        Constraint::Max(why_height),
        Constraint::Min(3),
        Constraint::Length(foot_height),
    ])
    .areas(area);
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(title, title_style));
    let place = Place::boxed(block, frame, why_area);
    let shown = scroll_text::render(ScrollText::new(why), app.scroll, frame, place, theme);
    let title = Span::styled(" Techniques ", theme.title());
    let rows = list.render(Some(title), frame, list_area, theme);
    frame.render_widget(Paragraph::new(foot_lines), foot.inner(Margin::new(1, 0)));
    Part {
        text: Some(shown),
        list: Some(rows),
    }
}

/// Draws the habit warning in a centred box.
pub fn render_habit(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let window = app.content.moderation.window_days;
    let lines = vec![
        Line::from(Span::styled(
            format!(
                "With today, you used self-release on {} of the last {window} days.",
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
    Part::text(Popup::new(title, lines, 70).render(frame, area, app.scroll, theme))
}

/// The library's pointer to the techniques, on its bottom border: they are
/// not in the list because they open only through the checklist.
pub fn library_hint(theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(" s ", theme.key()),
        Span::styled(
            "self-release techniques (safety checklist first) ",
            theme.dim(),
        ),
    ])
}
