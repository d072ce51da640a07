//! The bottom status line (key hints) and the notice line above it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::lines::wrap_hanging;
use super::report;
use super::theme::Theme;
use crate::app::{App, HintShown, Intent};
use crate::keys::{self, Binding};
use crate::text::display_width;

/// Cells between two hints.
const GAP: usize = 2;

/// Draws the hints of the current screen, then "? help", as many as fit
/// the line ("? help" always does, so every other key stays one key
/// away); returns where each was drawn, for the pointer.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Vec<HintShown> {
    let global = keys::GLOBAL.iter().filter(|_| !app.help_open);
    let (mut hinted, help): (Vec<&Binding>, Vec<&Binding>) = keys::bindings(app)
        .iter()
        .chain(global)
        .filter(|b| b.hint)
        .partition(|b| b.intent != Intent::ToggleHelp);
    let width = |b: &Binding| display_width(b.short) + 1 + display_width(b.does);
    let room = usize::from(area.width).saturating_sub(1);
    let needed = |shown: &[&Binding]| -> usize {
        shown.iter().chain(&help).map(|b| width(b)).sum::<usize>()
            + GAP * (shown.len() + help.len()).saturating_sub(1)
    };
    while !hinted.is_empty() && needed(&hinted) > room {
        hinted.pop();
    }
    hinted.extend(help);
    let mut spans = vec![Span::raw(" ")];
    let mut shown = Vec::new();
    let mut x = area.x.saturating_add(1);
    for (i, binding) in hinted.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim()));
            x = x.saturating_add(2);
        }
        spans.push(Span::styled(binding.short, theme.key()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(binding.does, theme.dim()));
        let cells = u16::try_from(width(binding)).unwrap_or(u16::MAX);
        // A digit hint stands for ten keys: clicking it means none of them.
        if !matches!(binding.intent, Intent::Digit(_)) {
            let at = Rect::new(x, area.y, cells, area.height.min(1)).intersection(area);
            shown.push(HintShown {
                area: report::area(at),
                intent: binding.intent,
            });
        }
        x = x.saturating_add(cells);
    }
    frame.render_widget(Line::from(spans), area);
    shown
}

/// Most lines a notice takes.
const NOTICE_LINES: usize = 3;

/// A notice wrapped to `width`, marked with "!" so it does not rely on
/// colour, its text lined up under itself with a cell free at the right.
fn notice_lines(text: &str, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let style = theme.warning();
    // A notice may quote a path or a file: never raw on the terminal.
    let body = Line::styled(crate::text::safe::shown(text).into_owned(), style);
    let width = usize::from(width.saturating_sub(1));
    wrap_hanging(Span::styled(" ! ", style), &body, width)
}

/// Lines a notice needs at this width (at most 3).
pub fn notice_height(text: &str, width: u16) -> u16 {
    // The height does not depend on colour.
    let lines = notice_lines(text, width, Theme { color: false }).len();
    u16::try_from(lines.min(NOTICE_LINES)).unwrap_or(3)
}

/// Draws a notice as wrapped for [`notice_height`].
pub fn render_notice(text: &str, frame: &mut Frame, area: Rect, theme: Theme) {
    frame.render_widget(Paragraph::new(notice_lines(text, area.width, theme)), area);
}
