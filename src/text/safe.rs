//! Text that is safe to show on a terminal. Anything read from a content
//! pack, a data file, an argument or the environment may hold control
//! characters that move the cursor, retitle the window, write the
//! clipboard or reorder a line; [`shown`] is the one function every output
//! path passes such text through, and [`is_unsafe`] the one rule content
//! validation refuses by.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// True for a character that must never reach a terminal raw: C0 controls
/// (line breaks and tabs included), DEL, C1 controls, the bidirectional
/// marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
/// U+202A-U+202E, U+2066-U+2069) and the Unicode line and paragraph
/// separators (U+2028, U+2029).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// True for the invisible characters that change the direction of text.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with every [unsafe](is_unsafe) character written out the way
/// Rust escapes it (`\u{1b}`, `\n`, `\u{202e}`), so it shows as visible
/// characters on one line and can never act on the terminal. Text with
/// nothing to escape is returned as it is; applying it twice changes
/// nothing more.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !any_unsafe(text, false) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// True when `text` holds an [unsafe](is_unsafe) character (a line break
/// aside when `line_breaks_ok`). Looks at bytes first: every unsafe
/// character is a byte below 0x20, DEL, or starts with 0xC2, 0xD8 or 0xE2
/// in UTF-8, so most text is passed over without decoding a character.
pub fn any_unsafe(text: &str, line_breaks_ok: bool) -> bool {
    let suspect = |b: &u8| {
        (*b < 0x20 && !(line_breaks_ok && *b == b'\n')) || matches!(*b, 0x7f | 0xc2 | 0xd8 | 0xe2)
    };
    text.as_bytes().iter().any(suspect)
        && text
            .chars()
            .any(|c| is_unsafe(c) && !(line_breaks_ok && c == '\n'))
}

/// [`shown`] for text of several lines: each line is made safe and the
/// line breaks (`\n`) between them are kept.
pub fn shown_lines(text: &str) -> String {
    text.split('\n').map(shown).collect::<Vec<_>>().join("\n")
}

/// True when `text` has at least one character a reader can see: not
/// whitespace, not a zero-width or format character (a name made only of
/// zero-width spaces is empty), not a blank that merely looks like a letter.
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_whitespace()
            && !is_unsafe(c)
            && UnicodeWidthChar::width(c).unwrap_or(0) > 0
            && !matches!(
                c,
                '\u{115f}' | '\u{1160}' | '\u{2800}' | '\u{3164}' | '\u{ffa0}' | '\u{feff}'
            )
    })
}

/// A character as a reader can look it up: `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}
