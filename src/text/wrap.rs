//! Word wrapping by display width: the one wrap every screen, popup and
//! print-out uses, so what is measured is what is drawn.

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
/// inside a wide one). Always returns at least one line.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let mut word_width = display_width(word);
        let mut rest = word;
        if word_width > width {
            // Too long for any line: start it on a fresh line and cut it.
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            while display_width(rest) > width {
                let (head, tail) = split_at_width(rest, width);
                lines.push(head.to_owned());
                rest = tail;
            }
            word_width = display_width(rest);
        }
        let needed = if used == 0 {
            word_width
        } else {
            used + 1 + word_width
        };
        if needed > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(rest);
        used += word_width;
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
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
    fn breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap_words("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap_words("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap_words("", 5), vec![""]);
        assert_eq!(wrap_words("a b", 0), vec!["a", "b"]);
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
