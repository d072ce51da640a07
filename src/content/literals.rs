//! The string literals of a RON source, with where each starts and what it
//! decodes to, so a problem with a string's value can be shown at its line
//! and column (serde hands the value over without a position).
//!
//! A small lexer of just what it takes to find strings: comments (nested
//! block comments too), `"…"` with RON's escapes, raw strings `r#"…"#`,
//! byte strings and character literals (so a `'"'` is not taken for the
//! start of a string). Text it cannot follow ends the scan; a literal not
//! found is then reported by entry and field instead.

/// One string literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    /// What it decodes to.
    pub value: String,
    /// 1-based line and column (in characters) of the first character of
    /// the value that is not safe to show, else of the opening quote.
    pub line: usize,
    /// See `line`.
    pub column: usize,
}

/// Every string literal in `text`, in source order.
pub fn scan(text: &str) -> Vec<Literal> {
    let mut lexer = Lexer {
        chars: text.chars().collect(),
        at: 0,
        line: 1,
        column: 1,
    };
    let mut found = Vec::new();
    while let Some(c) = lexer.peek(0) {
        let after_word = lexer.at > 0
            && lexer
                .chars
                .get(lexer.at - 1)
                .is_some_and(|p| p.is_alphanumeric() || *p == '_');
        let step = match c {
            '/' if lexer.peek(1) == Some('/') => lexer.line_comment(),
            '/' if lexer.peek(1) == Some('*') => lexer.block_comment(),
            '"' => lexer.escaped().map(|l| found.push(l)),
            '\'' => lexer.char_literal(),
            'b' if !after_word && lexer.peek(1) == Some('"') => {
                lexer.bump();
                lexer.escaped().map(|_| ())
            }
            'b' if !after_word && lexer.peek(1) == Some('r') && lexer.raw_ahead(2) => {
                lexer.bump();
                lexer.bump();
                lexer.raw().map(|_| ())
            }
            'r' if !after_word && lexer.raw_ahead(1) => {
                lexer.bump();
                lexer.raw().map(|l| found.push(l))
            }
            _ => {
                lexer.bump();
                Some(())
            }
        };
        if step.is_none() {
            break;
        }
    }
    found
}

struct Lexer {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
}

/// A literal being read: its value and where its first unsafe character
/// (or its quote) is.
struct Reading {
    value: String,
    line: usize,
    column: usize,
    marked: bool,
}

impl Reading {
    fn push(&mut self, c: char, line: usize, column: usize) {
        if !self.marked && crate::text::safe::is_unsafe(c) {
            (self.line, self.column, self.marked) = (line, column, true);
        }
        self.value.push(c);
    }

    fn done(self) -> Literal {
        Literal {
            value: self.value,
            line: self.line,
            column: self.column,
        }
    }
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn start(&self) -> Reading {
        Reading {
            value: String::new(),
            line: self.line,
            column: self.column,
            marked: false,
        }
    }

    fn line_comment(&mut self) -> Option<()> {
        while self.peek(0).is_some_and(|c| c != '\n') {
            self.bump();
        }
        Some(())
    }

    fn block_comment(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match (self.peek(0)?, self.peek(1)) {
                ('/', Some('*')) => depth += 1,
                ('*', Some('/')) => depth -= 1,
                _ => {
                    self.bump();
                    continue;
                }
            }
            self.bump();
            self.bump();
            if depth == 0 {
                return Some(());
            }
        }
    }

    /// `r`, `#`s, then `"` from `ahead` on.
    fn raw_ahead(&self, ahead: usize) -> bool {
        let mut i = ahead;
        while self.peek(i) == Some('#') {
            i += 1;
        }
        self.peek(i) == Some('"')
    }

    /// After the `r`: `#`s, `"`, the text, `"` and as many `#`s.
    fn raw(&mut self) -> Option<Literal> {
        let mut hashes = 0;
        while self.peek(0) == Some('#') {
            self.bump();
            hashes += 1;
        }
        let mut reading = self.start();
        self.bump();
        loop {
            if self.peek(0)? == '"' && (1..=hashes).all(|i| self.peek(i) == Some('#')) {
                for _ in 0..=hashes {
                    self.bump();
                }
                return Some(reading.done());
            }
            let (line, column) = (self.line, self.column);
            let c = self.bump()?;
            reading.push(c, line, column);
        }
    }

    /// `'x'` or `'\n'`: skipped whole.
    fn char_literal(&mut self) -> Option<()> {
        self.bump();
        if self.peek(0)? == '\\' {
            self.bump();
            let mut sink = self.start();
            self.escape(&mut sink)?;
        } else {
            self.bump();
        }
        (self.bump()? == '\'').then_some(())
    }

    /// `"…"` with escapes.
    fn escaped(&mut self) -> Option<Literal> {
        let mut reading = self.start();
        self.bump();
        loop {
            let (line, column) = (self.line, self.column);
            match self.bump()? {
                '"' => return Some(reading.done()),
                '\\' => {
                    let mut decoded = self.start();
                    self.escape(&mut decoded)?;
                    for c in decoded.value.chars() {
                        reading.push(c, line, column);
                    }
                }
                c => reading.push(c, line, column),
            }
        }
    }

    /// One escape after its `\`, decoded into `into` (nothing for a line
    /// continuation). `None` for an escape RON would refuse.
    fn escape(&mut self, into: &mut Reading) -> Option<()> {
        let (line, column) = (self.line, self.column);
        let c = match self.bump()? {
            '\'' => '\'',
            '"' => '"',
            '\\' => '\\',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            'x' => self.byte_escapes()?,
            'u' => self.unicode_escape()?,
            '\n' => return self.continuation(),
            '\r' if self.peek(0) == Some('\n') => {
                self.bump();
                return self.continuation();
            }
            _ => return None,
        };
        into.push(c, line, column);
        Some(())
    }

    /// A line continuation: the whitespace starting the next line is not
    /// part of the string.
    fn continuation(&mut self) -> Option<()> {
        while self.peek(0).is_some_and(|c| c.is_ascii_whitespace()) {
            self.bump();
        }
        Some(())
    }

    fn hex_byte(&mut self) -> Option<u8> {
        let high = self.bump()?.to_digit(16)?;
        let low = self.bump()?.to_digit(16)?;
        u8::try_from(high * 16 + low).ok()
    }

    /// `\xNN`, followed by up to three more when they spell one UTF-8
    /// character.
    fn byte_escapes(&mut self) -> Option<char> {
        let mut bytes = vec![self.hex_byte()?];
        loop {
            if let Ok(text) = std::str::from_utf8(&bytes) {
                return text.chars().next();
            }
            if bytes.len() == 4 || self.peek(0) != Some('\\') || self.peek(1) != Some('x') {
                return None;
            }
            self.bump();
            self.bump();
            bytes.push(self.hex_byte()?);
        }
    }

    /// `\u{1F600}`: one to six hex digits.
    fn unicode_escape(&mut self) -> Option<char> {
        if self.bump()? != '{' {
            return None;
        }
        let mut value = 0u32;
        let mut digits = 0;
        loop {
            let c = self.bump()?;
            if c == '}' {
                break;
            }
            digits += 1;
            if digits > 6 {
                return None;
            }
            value = value * 16 + c.to_digit(16)?;
        }
        if digits == 0 {
            return None;
        }
        char::from_u32(value)
    }
}
