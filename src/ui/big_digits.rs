//! Big block digits, readable from across the room: five rows per glyph,
//! drawn with full blocks so they survive `NO_COLOR`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Rows of every glyph.
pub const HEIGHT: u16 = 5;

/// A time like "0:20" in big digits, centred in its area.
#[derive(Debug, Clone)]
pub struct BigDigits<'a> {
    text: &'a str,
    style: Style,
}

impl<'a> BigDigits<'a> {
    /// Big digits for `text` (digits and `:`; anything else is a gap).
    pub fn new(text: &'a str, style: Style) -> BigDigits<'a> {
        BigDigits { text, style }
    }

    /// Columns the text needs, one blank column between glyphs.
    pub fn width(text: &str) -> u16 {
        let glyphs: usize = text
            .chars()
            .map(|c| crate::text::display_width(glyph(c)[0]))
            .sum();
        let gaps = text.chars().count().saturating_sub(1);
        u16::try_from(glyphs + gaps).unwrap_or(u16::MAX)
    }
}

/// The text in big digits as five centred lines, for a stack of lines.
pub fn lines(text: &str, style: Style) -> Vec<Line<'static>> {
    (0..usize::from(HEIGHT))
        .map(|row| {
            let glyphs: Vec<&str> = text.chars().map(|c| glyph(c)[row]).collect();
            Line::styled(glyphs.join(" "), style).centered()
        })
        .collect()
}

fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["█████", "█   █", "█   █", "█   █", "█████"],
        '1' => ["  ██ ", "   █ ", "   █ ", "   █ ", "  ███"],
        '2' => ["█████", "    █", "█████", "█    ", "█████"],
        '3' => ["█████", "    █", " ████", "    █", "█████"],
        '4' => ["█   █", "█   █", "█████", "    █", "    █"],
        '5' => ["█████", "█    ", "█████", "    █", "█████"],
        '6' => ["█████", "█    ", "█████", "█   █", "█████"],
        '7' => ["█████", "    █", "   █ ", "  █  ", "  █  "],
        '8' => ["█████", "█   █", "█████", "█   █", "█████"],
        '9' => ["█████", "█   █", "█████", "    █", "█████"],
        ':' => ["  ", "██", "  ", "██", "  "],
        _ => ["  ", "  ", "  ", "  ", "  "],
    }
}

impl Widget for BigDigits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = BigDigits::width(self.text);
        if area.width < width || area.height < HEIGHT {
            // Too small for big digits: plain text, still centred.
            let text_width =
                u16::try_from(crate::text::display_width(self.text)).unwrap_or(u16::MAX);
            let x = area.x + area.width.saturating_sub(text_width) / 2;
            let y = area.y + area.height / 2;
            if area.height > 0 {
                buf.set_stringn(x, y, self.text, usize::from(area.width), self.style);
            }
            return;
        }
        // Twice the size (each block 2×2) when there is room for it.
        let scale: u16 = if area.width >= width * 2 && area.height >= HEIGHT * 2 {
            2
        } else {
            1
        };
        let left = area.x + (area.width - width * scale) / 2;
        let top = area.y + (area.height - HEIGHT * scale) / 2;
        for row in 0..HEIGHT {
            let mut line = String::new();
            for (i, c) in self.text.chars().enumerate() {
                if i > 0 {
                    line.push(' ');
                }
                line.push_str(glyph(c)[usize::from(row)]);
            }
            let line: String = line
                .chars()
                .flat_map(|c| std::iter::repeat_n(c, usize::from(scale)))
                .collect();
            for copy in 0..scale {
                buf.set_string(left, top + row * scale + copy, &line, self.style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_glyph_row_has_the_glyph_width() {
        for c in "0123456789:".chars() {
            let g = glyph(c);
            let w = g[0].chars().count();
            assert!(g.iter().all(|row| row.chars().count() == w), "{c}");
        }
        assert_eq!(BigDigits::width("0:20"), 5 + 2 + 5 + 5 + 3);
    }
}
