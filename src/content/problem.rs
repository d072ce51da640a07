//! A problem found while loading content, located as precisely as we can.

use std::fmt;

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

/// A 1-based line and column plus the text of that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The source line, without its line ending.
    pub source_line: String,
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
        let source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or_default()
            .to_owned();
        Problem {
            file: file.to_owned(),
            location: Some(Location {
                line,
                column,
                source_line,
            }),
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.location, &self.entry) {
            (Some(at), _) => {
                writeln!(
                    f,
                    "{}:{}:{}: {}",
                    self.file, at.line, at.column, self.message
                )?;
                let gutter = at.line.to_string();
                let pad = " ".repeat(gutter.len());
                // Tabs would shift the caret; show them as single spaces.
                let shown: String = at
                    .source_line
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                writeln!(f, "{gutter} | {shown}")?;
                write!(f, "{pad} | {}^", " ".repeat(at.column.saturating_sub(1)))
            }
            (None, Some(id)) => write!(f, "{}: entry {}: {}", self.file, id, self.message),
            (None, None) => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
