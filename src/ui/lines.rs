//! Styled lines wrapped with the one wrap ([`crate::text::wrap`]): a view
//! wraps its lines here, sizes its area to how many it got, and draws
//! exactly those (never `Paragraph::wrap`, which breaks differently), each
//! span keeping its style.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::text::display_width;
use crate::text::wrap::{gap, wrap_pieces};

/// Wraps every line to `width` cells (see [`wrap_line`]).
pub fn wrap_lines(lines: &[Line<'_>], width: usize) -> Vec<Line<'static>> {
    lines
        .iter()
        .flat_map(|line| wrap_line(line, width))
        .collect()
}

/// Wraps one styled line to `width` cells where
/// [`wrap_words`](crate::text::wrap_words) breaks its text, keeping each
/// span's style and the line's style and alignment. A line that fits comes
/// out as it is (spaces a style shows, as in a reversed " banner ", stay).
/// Leading spaces stay on the first line and indent the ones after it.
pub fn wrap_line(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    if line.width() <= width {
        return vec![owned(line)];
    }
    let leading = line
        .spans
        .iter()
        .flat_map(|span| span.content.chars())
        .take_while(|c| *c == ' ')
        .count();
    wrap_after(line, leading, width)
}

/// Wraps `body` behind `lead` (a key name, a bullet): the first line starts
/// with `lead`, the ones after with as many spaces, so the text lines up
/// under itself.
pub fn wrap_hanging(lead: Span<'_>, body: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    let lead_len = lead.content.len();
    let mut spans = vec![lead];
    spans.extend(body.spans.iter().cloned());
    let line = Line {
        spans,
        style: body.style,
        alignment: body.alignment,
    };
    wrap_after(&line, lead_len, width)
}

/// How many rows `lines` take, as a layout length.
pub fn height(lines: &[Line<'_>]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(u16::MAX)
}

/// `lines` wrapped to `width` cells, as a paragraph for an area that wide.
pub fn paragraph(lines: &[Line<'_>], width: u16) -> Paragraph<'static> {
    Paragraph::new(wrap_lines(lines, usize::from(width)))
}

/// `lines` wrapped to the inside of `block` drawn over `area`, as a
/// paragraph in that block.
pub fn paragraph_in<'a>(lines: &[Line<'_>], block: Block<'a>, area: Rect) -> Paragraph<'a> {
    let width = block.inner(area).width;
    Paragraph::new(wrap_lines(lines, usize::from(width))).block(block)
}

/// A copy of `line` that owns its text.
fn owned(line: &Line<'_>) -> Line<'static> {
    Line {
        spans: line
            .spans
            .iter()
            .map(|span| Span::styled(span.content.to_string(), span.style))
            .collect(),
        style: line.style,
        alignment: line.alignment,
    }
}

/// Wraps `line`, whose first `lead` bytes are kept whole on the first line
/// and stand as spaces before the others.
fn wrap_after(line: &Line<'_>, lead: usize, width: usize) -> Vec<Line<'static>> {
    let mut text = String::new();
    let mut styles: Vec<(Range<usize>, Style)> = Vec::new();
    for span in &line.spans {
        let start = text.len();
        text.push_str(&span.content);
        styles.push((start..text.len(), span.style));
    }
    let lead = lead.min(text.len());
    let lead_width = display_width(&text[..lead]);
    let body = &text[lead..];
    let indent = " ".repeat(lead_width);
    wrap_pieces(body, width.saturating_sub(lead_width).max(1))
        .into_iter()
        .enumerate()
        .map(|(n, pieces)| {
            let mut spans = Vec::new();
            if n == 0 {
                push_styled(&mut spans, &text, &styles, 0..lead);
            } else if lead_width > 0 {
                spans.push(Span::raw(indent.clone()));
            }
            let mut prev: Option<Range<usize>> = None;
            for piece in pieces {
                if let Some(prev) = prev {
                    let between = gap(body, prev.end, piece.start);
                    let style = style_at(&styles, lead + prev.end);
                    spans.push(Span::styled(between.to_owned(), style));
                }
                push_styled(
                    &mut spans,
                    &text,
                    &styles,
                    lead + piece.start..lead + piece.end,
                );
                prev = Some(piece);
            }
            Line {
                spans,
                style: line.style,
                alignment: line.alignment,
            }
        })
        .collect()
}

/// Pushes `range` of `text` as spans, each part in the style of the span it
/// came from.
fn push_styled(
    spans: &mut Vec<Span<'static>>,
    text: &str,
    styles: &[(Range<usize>, Style)],
    range: Range<usize>,
) {
    for (from, style) in styles {
        let start = from.start.max(range.start);
        let end = from.end.min(range.end);
        if start < end {
            spans.push(Span::styled(text[start..end].to_owned(), *style));
        }
    }
}

/// The style of the span holding byte `at`.
fn style_at(styles: &[(Range<usize>, Style)], at: usize) -> Style {
    styles
        .iter()
        .find(|(range, _)| range.contains(&at))
        .map_or_else(Style::default, |(_, style)| *style)
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn breaks_like_the_text_wrap_and_keeps_styles() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = Line::from(vec![
            Span::styled("Press ", Style::new()),
            Span::styled("Enter", bold),
            Span::raw(" to go on"),
        ]);
        let wrapped = wrap_line(&line, 11);
        assert_eq!(texts(&wrapped), ["Press Enter", "to go on"]);
        assert_eq!(
            wrapped[0].spans,
            [
                Span::styled("Press", Style::new()),
                Span::styled(" ", Style::new()),
                Span::styled("Enter", bold),
            ]
        );
        let plain = line.to_string();
        assert_eq!(texts(&wrapped), crate::text::wrap_words(&plain, 11));
    }

    #[test]
    fn leading_spaces_indent_every_line_and_inner_runs_stay() {
        let line = Line::from(" Name  (lying) and more");
        assert_eq!(
            texts(&wrap_line(&line, 15)),
            [" Name  (lying)", " and more"]
        );
    }

    #[test]
    fn hanging_lead_lines_text_up_under_itself() {
        let lead = Span::styled("  PgUp  ", Style::new().add_modifier(Modifier::BOLD));
        let body = Line::from("move up a page");
        let wrapped = wrap_hanging(lead, &body, 16);
        assert_eq!(texts(&wrapped), ["  PgUp  move up", "        a page"]);
    }

    #[test]
    fn wide_text_fits_its_width_and_empty_lines_stay() {
        let line = Line::from("背中を伸ばす 🙂 ゆっくり");
        for wrapped in wrap_line(&line, 6) {
            assert!(wrapped.width() <= 6, "{wrapped}");
        }
        assert_eq!(texts(&wrap_lines(&[Line::default()], 10)), [""]);
    }

    #[test]
    fn a_line_that_fits_keeps_its_spaces() {
        let banner = Line::from(" !! REMOVE !! ");
        assert_eq!(texts(&wrap_line(&banner, 14)), [" !! REMOVE !! "]);
        assert_eq!(texts(&wrap_line(&banner, 10)), [" !! REMOVE", " !!"]);
    }
}
