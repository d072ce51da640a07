//! Word wrapping by display width: the one wrap every screen, popup and
//! print-out uses, so what is measured is what is drawn.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cells `text` takes on a terminal (wide characters count two, combining
/// marks none).
pub fn display_width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Splits `text` into lines at most `width` cells wide, breaking at
/// whitespace; a word wider than the line is cut between characters (never
/// inside a wide one). Always returns at least one line. See
/// [`wrap_pieces`] for what is kept of the whitespace.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    wrap_pieces(text, width)
        .into_iter()
        .map(|pieces| {
            let mut line = String::new();
            let mut prev: Option<&Range<usize>> = None;
            for piece in &pieces {
                if let Some(prev) = prev {
                    line.push_str(gap(text, prev.end, piece.start));
                }
                line.push_str(&text[piece.clone()]);
                prev = Some(piece);
            }
            line
        })
        .collect()
}

/// The wrap itself, as byte ranges of `text`: one list per line, holding
/// the words on it (or the parts of a word cut to fit) in order. Whitespace
/// at a break and at either end is dropped; between two pieces on a line
/// stands [`gap`]. Always returns at least one (possibly empty) line.
pub fn wrap_pieces(text: &str, width: usize) -> Vec<Vec<Range<usize>>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line: Vec<Range<usize>> = Vec::new();
    let mut used = 0;
    for word in words(text) {
        let mut rest = word;
        if display_width(&text[rest.clone()]) > width {
            // Too long for any line: start it on a fresh line and cut it.
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            while display_width(&text[rest.clone()]) > width {
                let head = split_at_width(&text[rest.clone()], width).0.len();
                let cut = rest.start..rest.start + head;
                lines.push(vec![cut]);
                rest = rest.start + head..rest.end;
            }
            if rest.is_empty() {
                continue;
            }
        }
        let word_width = display_width(&text[rest.clone()]);
        let sep = line
            .last()
            .map_or(0, |prev| display_width(gap(text, prev.end, rest.start)));
        if !line.is_empty() && used + sep + word_width > width {
            lines.push(std::mem::take(&mut line));
            used = word_width;
        } else {
            used += sep + word_width;
        }
        line.push(rest);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// What stands between two pieces on one line: the whitespace between them
/// in `text` when it is only spaces (so "Name  (lying)" keeps its two), or
/// one space for any other whitespace (a tab or a line break).
pub fn gap(text: &str, from: usize, to: usize) -> &str {
    match text.get(from..to) {
        Some(between) if between.bytes().all(|b| b == b' ') => between,
        _ => " ",
    }
}

/// Byte ranges of the words of `text`, split where a line may break; a
/// number and its unit are one word ("10 s", "about 5 min").
fn words(text: &str) -> Vec<Range<usize>> {
    let mut words: Vec<Range<usize>> = Vec::new();
    for word in text.split(breaks).filter(|word| !word.is_empty()) {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let range = start..start + word.len();
        match words.last_mut() {
            Some(prev) if joins_unit(text, prev, &range) => prev.end = range.end,
            _ => words.push(range),
        }
    }
    words
}

/// Units a line never separates from the number before them.
const UNITS: [&str; 5] = ["s", "min", "h", "%", "°C"];

/// True when `word` is a unit (with any closing punctuation) after the
/// number `prev`, one space apart.
fn joins_unit(text: &str, prev: &Range<usize>, word: &Range<usize>) -> bool {
    let unit = text[word.clone()].trim_end_matches([')', ',', '.', ';', ':']);
    text[prev.clone()].ends_with(|c: char| c.is_ascii_digit())
        && text.get(prev.end..word.start) == Some(" ")
        && UNITS.contains(&unit)
}

/// White space a line may break at: all but the no-break spaces, which
/// hold what they join on one line ("Fr\u{a0}4" never splits).
fn breaks(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// The longest start of `text` that fits in `width` cells (at least one
/// character, so a character wider than the line still moves on), and the
/// rest.
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        let w = char_width(c);
        if used + w > width && at > 0 {
            return text.split_at(at);
        }
        used += w;
    }
    (text, "")
}

/// Wraps `text` to `width` cells behind `lead` (a bullet or a marker): the
/// first line starts with `lead`, the others with as many spaces, so the
/// text lines up under itself.
pub fn wrap_hanging(text: &str, lead: &str, width: usize) -> Vec<String> {
    let lead_width = display_width(lead);
    let indent = " ".repeat(lead_width);
    wrap_words(text, width.saturating_sub(lead_width).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let start = if i == 0 { lead } else { indent.as_str() };
            format!("{start}{part}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_number_with_its_unit() {
        assert_eq!(
            wrap_words("then a 10 s hold (about 5 min).", 9),
            vec!["then a", "10 s hold", "(about", "5 min)."]
        );
        // Only a unit after a number, one space apart.
        assert_eq!(wrap_words("has s", 3), vec!["has", "s"]);
        assert_eq!(wrap_words("10  s", 2), vec!["10", "s"]);
    }

    #[test]
    fn never_breaks_at_a_no_break_space() {
        assert_eq!(
            wrap_words("Th\u{a0}0  Fr\u{a0}12  Sa\u{a0}3", 9),
            vec!["Th\u{a0}0", "Fr\u{a0}12", "Sa\u{a0}3"]
        );
    }

    #[test]
    fn breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap_words("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap_words("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap_words("", 5), vec![""]);
        assert_eq!(wrap_words("a b", 0), vec!["a", "b"]);
    }

    #[test]
    fn runs_of_spaces_stay_inside_a_line_and_go_at_a_break() {
        assert_eq!(wrap_words("  Name  (lying) ", 20), vec!["Name  (lying)"]);
        assert_eq!(wrap_words("Name  (lying)", 8), vec!["Name", "(lying)"]);
        // Other whitespace becomes one space.
        assert_eq!(wrap_words("one\n\ttwo", 20), vec!["one two"]);
        // The spaces count towards the width.
        assert_eq!(wrap_words("ab   cd", 6), vec!["ab", "cd"]);
        assert_eq!(wrap_words("ab   cd", 7), vec!["ab   cd"]);
    }

    #[test]
    fn pieces_are_ranges_of_the_source() {
        let text = "one two three";
        assert_eq!(wrap_pieces(text, 7), vec![vec![0..3, 4..7], vec![8..13]]);
        assert_eq!(
            wrap_pieces("abcdefgh", 3),
            vec![vec![0..3], vec![3..6], vec![6..8]]
        );
        assert_eq!(wrap_pieces("  ", 3), vec![Vec::new()]);
    }

    #[test]
    fn wide_characters_take_two_cells() {
        // Six CJK characters are twelve cells: three lines of four.
        assert_eq!(wrap_words("背中を伸ばす", 4), vec!["背中", "を伸", "ばす"]);
        // An odd width never splits a wide character.
        assert_eq!(wrap_words("背中を", 3), vec!["背", "中", "を"]);
        for line in wrap_words("腰 の ストレッチ を ゆっくり", 6) {
            assert!(display_width(&line) <= 6, "{line}");
        }
        // Emoji are wide too.
        assert_eq!(wrap_words("🙂🙂 🙂", 4), vec!["🙂🙂", "🙂"]);
        // A character wider than the line still moves on.
        assert_eq!(wrap_words("背", 1), vec!["背"]);
    }

    #[test]
    fn hanging_indent_lines_up_under_the_text() {
        assert_eq!(
            wrap_hanging("one two three", "• ", 9),
            vec!["• one two", "  three"]
        );
        assert_eq!(wrap_hanging("背中 背中", "! ", 6), vec!["! 背中", "  背中"]);
    }
}
