//! A problem found while loading content, located as precisely as we can.

use std::fmt;

use crate::text::display_width;
use crate::text::safe;

/// Most characters of a source line shown under a located problem: a line
/// longer than this is cut around the column, so a one-line 200 KB file
/// gives a short message.
pub const SHOWN_LINE_CHARS: usize = 80;

/// One thing wrong with a content file.
///
/// Displayed as `FILE:LINE:COL: message` followed by the source line and a
/// caret for parse errors, or `FILE: entry ID: message` for rule violations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user knows it (a path, or `built-in/NAME.ron`).
    pub file: String,
    /// 1-based line and column, for problems found while parsing.
    pub location: Option<Location>,
    /// The id of the entry the problem belongs to, for rule violations.
    pub entry: Option<String>,
    /// A plain sentence saying what is wrong.
    pub message: String,
}

/// A 1-based line and column plus the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The source line without its line ending, cut to at most
    /// [`SHOWN_LINE_CHARS`] around the column (with `…` where cut), and
    /// safe to show: a tab is a space, any other control character or
    /// bidi control is `�`, one character each so the caret stays put.
    pub source_line: String,
    /// 1-based position of the column within `source_line`, in characters.
    pub caret: usize,
}

impl Location {
    /// The location of `line`:`column` in `text`.
    fn new(text: &str, line: usize, column: usize) -> Location {
        let whole = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
        let (source_line, caret) = excerpt(whole, column);
        Location {
            line,
            column,
            source_line,
            caret,
        }
    }
}

/// At most [`SHOWN_LINE_CHARS`] of `line` around the 1-based `column`,
/// made safe, and the column's place in what is kept.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let total = line.chars().count();
    let at = column.saturating_sub(1).min(total);
    let start = if total <= SHOWN_LINE_CHARS {
        0
    } else {
        at.saturating_sub(SHOWN_LINE_CHARS / 2)
            .min(total - SHOWN_LINE_CHARS)
    };
    let end = (start + SHOWN_LINE_CHARS).min(total);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(end - start).map(|c| match c {
        '\t' => ' ',
        c if safe::is_unsafe(c) => '\u{fffd}',
        c => c,
    }));
    if end < total {
        shown.push('…');
    }
    let caret = at - start + 1 + usize::from(start > 0);
    (shown, caret)
}

impl Problem {
    /// A problem with a whole file (unreadable, too large, wrong version).
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_owned(),
            location: None,
            entry: None,
            message: message.into(),
        }
    }

    /// A problem at a line and column of `text`.
    pub fn at(
        file: &str,
        text: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.to_owned(),
            location: Some(Location::new(text, line, column)),
            entry: None,
            message: message.into(),
        }
    }

    /// A rule broken by one entry.
    pub fn entry(file: &str, id: &str, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_owned(),
            location: None,
            entry: Some(id.to_owned()),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// Safe to show whatever the file held: the file name, the entry id
    /// and the message go through [`safe::shown`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = safe::shown(&self.file);
        let message = safe::shown(&self.message);
        match (&self.location, &self.entry) {
            (Some(at), _) => {
                writeln!(f, "{file}:{}:{}: {message}", at.line, at.column)?;
                let gutter = at.line.to_string();
                let pad = " ".repeat(gutter.len());
                let before: String = at
                    .source_line
                    .chars()
                    .take(at.caret.saturating_sub(1))
                    .collect();
                writeln!(f, "{gutter} | {}", at.source_line)?;
                write!(f, "{pad} | {}^", " ".repeat(display_width(&before)))
            }
            (None, Some(id)) => write!(f, "{file}: entry {}: {message}", safe::shown(id)),
            (None, None) => write!(f, "{file}: {message}"),
        }
    }
}
