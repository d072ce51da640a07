//! The quickest reader of a history line: one in exactly the form this
//! release writes (serde's field order, `version` first, `id` last or
//! missing as in earlier releases), followed literally field by field.
//! Reading a large log is mostly reading such lines. A line that strays
//! from that form in any way gives `None` and is left to the reader of
//! [`super::history_fast`], which reads each field this one reads the
//! same way, so a line this one reads, that one reads the same.

use chrono::{DateTime, FixedOffset};

use super::history_fast::{
    ReadIn, exercise_outcome, session_outcome, standup_outcome, therapy_kind,
};
use super::history_time::{at_instant, date, usual};
use crate::domain::record::Record;
use crate::domain::session_record::{ExerciseResult, SessionRecord};

/// Reads `line` if it is in the form this release writes.
pub fn read(line: &[u8]) -> Option<ReadIn<'_>> {
    let mut at = At { s: line, i: 0 };
    at.lit(b"{\"version\":1,\"kind\":\"")?;
    let kind = at.text()?;
    let record = match kind {
        b"standup" => Record::Standup {
            at: at.time(b",\"at\":\"")?,
            outcome: standup_outcome(at.word(b",\"outcome\":\"")?)?,
        },
        b"session" => at.session()?,
        b"therapy" => Record::Therapy {
            mode: therapy_kind(at.word(b",\"mode\":\"")?)?,
            planned_secs: at.number(b",\"planned_secs\":")?,
            actual_secs: at.number(b",\"actual_secs\":")?,
            started: at.time(b",\"started\":\"")?,
            ended: at.time(b",\"ended\":\"")?,
            ended_early: at.flag(b",\"ended_early\":")?,
        },
        b"release_used" => Record::ReleaseUsed {
            at: at.time(b",\"at\":\"")?,
            technique: at.owned(b",\"technique\":\"")?,
        },
        b"release_hurt" => Record::ReleaseHurt {
            at: at.time(b",\"at\":\"")?,
            technique: at.owned(b",\"technique\":\"")?,
        },
        b"warnings_reviewed" => Record::WarningsReviewed {
            at: at.time(b",\"at\":\"")?,
        },
        _ => return None,
    };
    let id = match at.lit(b",\"id\":\"") {
        Some(()) => Some(std::str::from_utf8(at.text()?).ok()?),
        None => None,
    };
    at.lit(b"}")?;
    (at.i == line.len()).then_some((1, id, record))
}

/// A place in a line being read.
struct At<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> At<'a> {
    /// `bytes`, exactly.
    fn lit<const N: usize>(&mut self, bytes: &[u8; N]) -> Option<()> {
        // Compared as an array of known length: no call to memcmp.
        let here: &[u8; N] = self.s.get(self.i..self.i + N)?.try_into().ok()?;
        (here == bytes).then(|| self.i += N)
    }

    /// The rest of a string whose opening quote was read, without
    /// escapes or control characters (not yet checked to be text).
    fn text(&mut self) -> Option<&'a [u8]> {
        let start = self.i;
        let rest = self.s.get(start..)?;
        let len = rest
            .iter()
            .position(|b| *b == b'"' || *b == b'\\' || *b < 0x20)?;
        if rest[len] != b'"' {
            return None;
        }
        self.i += len + 1;
        Some(&rest[..len])
    }

    /// `name` (`,"field":"`), then a string.
    fn word<const N: usize>(&mut self, name: &[u8; N]) -> Option<&'a [u8]> {
        self.lit(name)?;
        self.text()
    }

    /// `name`, then a string that is text, kept.
    fn owned<const N: usize>(&mut self, name: &[u8; N]) -> Option<String> {
        owned(self.word(name)?)
    }

    fn time<const N: usize>(&mut self, name: &[u8; N]) -> Option<DateTime<FixedOffset>> {
        self.lit(name)?;
        // A time in the usual form holds no quote, escape or control
        // character: when one ends at a quote, that is the string.
        let quick = self.s.get(self.i..self.i + 25).and_then(usual);
        if let Some((secs, offset)) = quick.filter(|_| self.s.get(self.i + 25) == Some(&b'"')) {
            self.i += 26;
            return at_instant(secs, offset);
        }
        let text = self.text()?;
        match usual(text) {
            Some((secs, offset)) => at_instant(secs, offset),
            None => date(std::str::from_utf8(text).ok()?),
        }
    }

    /// `name` (`,"field":`), then a plain integer: digits, no sign, no
    /// leading zero, no fraction.
    fn number<const N: usize>(&mut self, name: &[u8; N]) -> Option<u64> {
        self.lit(name)?;
        self.integer()
    }

    fn integer(&mut self) -> Option<u64> {
        let start = self.i;
        let rest = self.s.get(start..)?;
        let len = rest
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(rest.len());
        let digits = &rest[..len];
        if digits.is_empty() || (len > 1 && digits[0] == b'0') {
            return None;
        }
        if matches!(rest.get(len), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        self.i += len;
        digits.iter().try_fold(0u64, |acc, d| {
            acc.checked_mul(10)?.checked_add(u64::from(d - b'0'))
        })
    }

    fn flag<const N: usize>(&mut self, name: &[u8; N]) -> Option<bool> {
        self.lit(name)?;
        if self.lit(b"true").is_some() {
            Some(true)
        } else {
            self.lit(b"false").map(|()| false)
        }
    }

    /// A pain score: `null` or 0-255.
    fn pain<const N: usize>(&mut self, name: &[u8; N]) -> Option<Option<u8>> {
        self.lit(name)?;
        if self.lit(b"null").is_some() {
            return Some(None);
        }
        u8::try_from(self.integer()?).ok().map(Some)
    }

    fn session(&mut self) -> Option<Record> {
        let started = self.time(b",\"started\":\"")?;
        let duration_secs = self.number(b",\"duration_secs\":")?;
        let routine = self.owned(b",\"routine\":\"")?;
        self.lit(b",\"exercises\":[")?;
        let mut exercises = Vec::new();
        if self.lit(b"]").is_none() {
            loop {
                let exercise = self.owned(b"{\"exercise\":\"")?;
                let outcome = exercise_outcome(self.word(b",\"outcome\":\"")?)?;
                self.lit(b"}")?;
                exercises.push(ExerciseResult {
                    exercise,
                    outcome,
                    rating: None,
                });
                if self.lit(b",").is_none() {
                    break;
                }
            }
            self.lit(b"]")?;
        }
        Some(Record::Session(SessionRecord {
            started,
            duration_secs,
            routine,
            exercises,
            pain_before: self.pain(b",\"pain_before\":")?,
            pain_after: self.pain(b",\"pain_after\":")?,
            outcome: session_outcome(self.word(b",\"outcome\":\"")?)?,
        }))
    }
}

/// `bytes` as a `String`, if they are text.
fn owned(bytes: &[u8]) -> Option<String> {
    String::from_utf8(bytes.to_vec()).ok()
}
