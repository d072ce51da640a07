//! What reading the history logs found wrong: one sentence per bad line
//! ("line 7: ..."; "laptop-3f9a2c.jsonl line 7: ..." for a file other than
//! this machine's log) and per file that could not be read at all.

/// Most sentences kept; every bad line is still counted.
pub const MAX_SHOWN: usize = 1000;

/// The problems found so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// One sentence per bad line or unreadable file (the first
    /// [`MAX_SHOWN`]), safe to show.
    pub problems: Vec<String>,
    /// How many lines were bad (or files unreadable).
    pub bad_lines: usize,
    /// Where each sentence's line is: (file, line number), for
    /// [`Report::sorted`].
    places: Vec<(usize, usize)>,
}

impl Report {
    /// A bad line: its file (its name, `None` for this machine's log, and
    /// its place among the files read), its number and why, already safe
    /// to show.
    pub fn line(&mut self, (file, index): (Option<&str>, usize), number: usize, reason: &str) {
        let place = match file {
            Some(file) => format!("{file} line {number}"),
            None => format!("line {number}"),
        };
        self.push(format!("{place}: {reason}"), (index, number));
    }

    /// A file that could not be read at all.
    pub fn file(&mut self, file: &str, reason: &str) {
        self.push(format!("{file}: {reason}"), (usize::MAX, 0));
    }

    /// The same, in the order of the files and of the lines in each
    /// (the parts of a log are read side by side).
    pub fn sorted(mut self) -> Report {
        let mut both: Vec<_> = self.places.into_iter().zip(self.problems).collect();
        both.sort_by_key(|(place, _)| *place);
        (self.places, self.problems) = both.into_iter().unzip();
        self
    }

    fn push(&mut self, sentence: String, place: (usize, usize)) {
        self.bad_lines += 1;
        if self.problems.len() < MAX_SHOWN {
            self.problems.push(sentence);
            self.places.push(place);
        }
    }
}
