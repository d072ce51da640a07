//! A large mm:ss drawn with block characters, five rows tall.

use ratatui::text::Line;

/// Rows of the large digits.
pub const HEIGHT: u16 = 5;

const DIGITS: [[&str; 5]; 10] = [
    ["###", "#.#", "#.#", "#.#", "###"],
    [".#.", "##.", ".#.", ".#.", "###"],
    ["###", "..#", "###", "#..", "###"],
    ["###", "..#", "###", "..#", "###"],
    ["#.#", "#.#", "###", "..#", "..#"],
    ["###", "#..", "###", "..#", "###"],
    ["###", "#..", "###", "#.#", "###"],
    ["###", "..#", "..#", "..#", "..#"],
    ["###", "#.#", "###", "#.#", "###"],
    ["###", "#.#", "###", "..#", "###"],
];
const COLON: [&str; 5] = [".", "#", ".", "#", "."];

fn glyph(c: char) -> Option<[&'static str; 5]> {
    match c {
        ':' => Some(COLON),
        _ => c
            .to_digit(10)
            .and_then(|d| DIGITS.get(usize::try_from(d).ok()?).copied()),
    }
}

/// Columns `text` needs when drawn large.
pub fn width(text: &str) -> u16 {
    let cols: usize = text
        .chars()
        .filter_map(glyph)
        .map(|g| g[0].len() * 2 + 2)
        .sum();
    u16::try_from(cols.saturating_sub(2)).unwrap_or(u16::MAX)
}

/// The five lines of `text` (digits and `:`) drawn large; each font pixel
/// is two cells wide so the digits look square.
pub fn lines(text: &str) -> Vec<Line<'static>> {
    (0..5)
        .map(|row| {
            let parts: Vec<String> = text
                .chars()
                .filter_map(glyph)
                .map(|g| {
                    g[row]
                        .chars()
                        .map(|p| if p == '#' { "██" } else { "  " })
                        .collect()
                })
                .collect();
            Line::from(parts.join("  "))
        })
        .collect()
}
