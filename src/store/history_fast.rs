//! A quick reader for the lines this release (and every earlier one)
//! writes: one flat JSON object, no white space, no escapes, fields
//! known. Reading a large history is mostly reading such lines, and the
//! general reader (serde's, which buffers every field of a tagged record
//! before it reads it) takes several times as long. Anything else (white
//! space, an escape, an unknown or repeated field, a number that is not a
//! plain integer, a date not in the usual form...) gives `None`, and the
//! general reader decides the line: this one only ever accepts what that
//! one reads the same way (a property test holds them to it). A line in
//! exactly the form this release writes is read even more quickly, field
//! by field in its order, by `history_usual` first.

use chrono::{DateTime, FixedOffset};

use super::history_time::date;

use crate::content::model::TherapyKind;
use crate::domain::record::{Record, StandupOutcome};
use crate::domain::session_record::{
    ExerciseOutcome, ExerciseResult, SessionOutcome, SessionRecord,
};

/// A line read: its `version`, its `id` and the record.
pub type Read = (u32, Option<String>, Record);

/// [`Read`] with the `id` left in the line.
pub type ReadIn<'a> = (u32, Option<&'a str>, Record);

/// The place of each field in [`Fields`].
const VERSION: usize = 0;
const ID: usize = 1;
const KIND: usize = 2;
const AT: usize = 3;
const STARTED: usize = 4;
const ENDED: usize = 5;
const DURATION: usize = 6;
const ROUTINE: usize = 7;
const EXERCISES: usize = 8;
const PAIN_BEFORE: usize = 9;
const PAIN_AFTER: usize = 10;
const OUTCOME: usize = 11;
const MODE: usize = 12;
const PLANNED: usize = 13;
const ACTUAL: usize = 14;
const EARLY: usize = 15;
const TECHNIQUE: usize = 16;

/// Where the field `name` goes in [`Fields`].
fn slot_of(name: &str) -> Option<usize> {
    Some(match name {
        "version" => VERSION,
        "id" => ID,
        "kind" => KIND,
        "at" => AT,
        "started" => STARTED,
        "ended" => ENDED,
        "duration_secs" => DURATION,
        "routine" => ROUTINE,
        "exercises" => EXERCISES,
        "pain_before" => PAIN_BEFORE,
        "pain_after" => PAIN_AFTER,
        "outcome" => OUTCOME,
        "mode" => MODE,
        "planned_secs" => PLANNED,
        "actual_secs" => ACTUAL,
        "ended_early" => EARLY,
        "technique" => TECHNIQUE,
        _ => return None,
    })
}

/// A value of a field.
enum Value<'a> {
    Text(&'a str),
    Number(u64),
    Bool(bool),
    Null,
    Exercises(Vec<ExerciseResult>),
}

/// Each field's value, when the line has it.
struct Fields<'a>([Option<Value<'a>>; 17]);

/// Reads `line` if it is in the usual form; `None` otherwise.
pub fn read(line: &[u8]) -> Option<Read> {
    read_in(line).map(|(version, id, record)| (version, id.map(str::to_owned), record))
}

/// [`read`], the `id` left in the line.
pub fn read_in(line: &[u8]) -> Option<ReadIn<'_>> {
    if let Some(read) = super::history_usual::read(line) {
        return Some(read);
    }
    // Checked once, so every string in it is text already.
    let line = std::str::from_utf8(line).ok()?;
    let mut fields = Fields(Default::default());
    let mut at = Cursor {
        s: line.as_bytes(),
        text: line,
        i: 0,
    };
    at.eat(b'{')?;
    loop {
        let name = at.text()?;
        at.eat(b':')?;
        let slot = slot_of(name)?;
        let value = if slot == EXERCISES {
            Value::Exercises(at.exercises()?)
        } else {
            at.value()?
        };
        if fields.0[slot].replace(value).is_some() {
            return None;
        }
        if at.eat(b',').is_none() {
            break;
        }
    }
    at.eat(b'}')?;
    (at.i == line.len()).then_some(())?;
    let version = u32::try_from(fields.number(VERSION)?).ok()?;
    let id = match fields.0[ID].take() {
        None | Some(Value::Null) => None,
        Some(Value::Text(id)) => Some(id),
        Some(_) => return None,
    };
    Some((version, id, fields.record()?))
}

impl Fields<'_> {
    fn text(&self, slot: usize) -> Option<&str> {
        match self.0[slot] {
            Some(Value::Text(text)) => Some(text),
            _ => None,
        }
    }

    fn number(&self, slot: usize) -> Option<u64> {
        match self.0[slot] {
            Some(Value::Number(n)) => Some(n),
            _ => None,
        }
    }

    fn date(&self, slot: usize) -> Option<DateTime<FixedOffset>> {
        date(self.text(slot)?)
    }

    /// An optional pain score: missing or `null` is none.
    fn pain(&self, slot: usize) -> Option<Option<u8>> {
        match self.0[slot] {
            None | Some(Value::Null) => Some(None),
            Some(Value::Number(n)) => u8::try_from(n).ok().map(Some),
            Some(_) => None,
        }
    }

    /// True when no field but `version`, `id`, `kind` and `allowed` is
    /// there (the general reader would skip the others; this one leaves
    /// such a line to it).
    fn only(&self, allowed: &[usize]) -> bool {
        self.0
            .iter()
            .enumerate()
            .all(|(slot, value)| value.is_none() || slot <= KIND || allowed.contains(&slot))
    }

    fn record(&mut self) -> Option<Record> {
        let kind = self.text(KIND)?;
        let record = match kind {
            "session"
                if self.only(&[
                    STARTED,
                    DURATION,
                    ROUTINE,
                    EXERCISES,
                    PAIN_BEFORE,
                    PAIN_AFTER,
                    OUTCOME,
                ]) =>
            {
                let exercises = match self.0[EXERCISES].take() {
                    Some(Value::Exercises(list)) => list,
                    _ => return None,
                };
                Record::Session(SessionRecord {
                    started: self.date(STARTED)?,
                    duration_secs: self.number(DURATION)?,
                    routine: self.text(ROUTINE)?.to_owned(),
                    exercises,
                    pain_before: self.pain(PAIN_BEFORE)?,
                    pain_after: self.pain(PAIN_AFTER)?,
                    outcome: session_outcome(self.text(OUTCOME)?.as_bytes())?,
                })
            }
            "therapy" if self.only(&[MODE, PLANNED, ACTUAL, STARTED, ENDED, EARLY]) => {
                Record::Therapy {
                    mode: therapy_kind(self.text(MODE)?.as_bytes())?,
                    planned_secs: self.number(PLANNED)?,
                    actual_secs: self.number(ACTUAL)?,
                    started: self.date(STARTED)?,
                    ended: self.date(ENDED)?,
                    ended_early: match self.0[EARLY] {
                        None => false,
                        Some(Value::Bool(early)) => early,
                        Some(_) => return None,
                    },
                }
            }
            "standup" if self.only(&[AT, OUTCOME]) => Record::Standup {
                at: self.date(AT)?,
                outcome: standup_outcome(self.text(OUTCOME)?.as_bytes())?,
            },
            "release_used" if self.only(&[AT, TECHNIQUE]) => Record::ReleaseUsed {
                at: self.date(AT)?,
                technique: self.text(TECHNIQUE)?.to_owned(),
            },
            "release_hurt" if self.only(&[AT, TECHNIQUE]) => Record::ReleaseHurt {
                at: self.date(AT)?,
                technique: self.text(TECHNIQUE)?.to_owned(),
            },
            "warnings_reviewed" if self.only(&[AT]) => {
                Record::WarningsReviewed { at: self.date(AT)? }
            }
            _ => return None,
        };
        Some(record)
    }
}

pub(super) fn session_outcome(text: &[u8]) -> Option<SessionOutcome> {
    Some(match text {
        b"completed" => SessionOutcome::Completed,
        b"stopped_for_pain" => SessionOutcome::StoppedForPain,
        b"abandoned" => SessionOutcome::Abandoned,
        b"skipped" => SessionOutcome::Skipped,
        _ => return None,
    })
}

pub(super) fn exercise_outcome(text: &[u8]) -> Option<ExerciseOutcome> {
    Some(match text {
        b"done" => ExerciseOutcome::Done,
        b"skipped" => ExerciseOutcome::Skipped,
        b"stopped" => ExerciseOutcome::Stopped,
        b"not_reached" => ExerciseOutcome::NotReached,
        _ => return None,
    })
}

pub(super) fn standup_outcome(text: &[u8]) -> Option<StandupOutcome> {
    Some(match text {
        b"done" => StandupOutcome::Done,
        b"snoozed" => StandupOutcome::Snoozed,
        b"skipped" => StandupOutcome::Skipped,
        _ => return None,
    })
}

pub(super) fn therapy_kind(text: &[u8]) -> Option<TherapyKind> {
    Some(match text {
        b"heat" => TherapyKind::Heat,
        b"cold" => TherapyKind::Cold,
        b"contrast" => TherapyKind::Contrast,
        _ => return None,
    })
}

/// A place in a line being read (its bytes, and the same as text).
struct Cursor<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.s.get(self.i) == Some(&byte)).then(|| self.i += 1)
    }

    /// A string without escapes or control characters.
    fn text(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.i;
        let len = memchr::memchr(b'"', self.s.get(start..)?)?;
        if self.s[start..start + len]
            .iter()
            .any(|b| *b == b'\\' || *b < 0x20)
        {
            return None;
        }
        self.i += len + 1;
        // Both ends are at a `"`, so at a character boundary.
        self.text.get(start..start + len)
    }

    /// A plain integer: digits, no sign, no leading zero, no fraction.
    fn number(&mut self) -> Option<u64> {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        let digits = &self.s[start..self.i];
        if digits.is_empty() || (digits.len() > 1 && digits[0] == b'0') {
            return None;
        }
        if matches!(self.s.get(self.i), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        digits.iter().try_fold(0u64, |acc, d| {
            acc.checked_mul(10)?.checked_add(u64::from(d - b'0'))
        })
    }

    fn word(&mut self, word: &[u8]) -> Option<()> {
        let end = self.i + word.len();
        (self.s.get(self.i..end) == Some(word)).then(|| self.i = end)
    }

    fn value(&mut self) -> Option<Value<'a>> {
        match self.s.get(self.i)? {
            b'"' => self.text().map(Value::Text),
            b't' => self.word(b"true").map(|()| Value::Bool(true)),
            b'f' => self.word(b"false").map(|()| Value::Bool(false)),
            b'n' => self.word(b"null").map(|()| Value::Null),
            _ => self.number().map(Value::Number),
        }
    }

    /// `[{"exercise":"id","outcome":"done"},...]`, each field once.
    fn exercises(&mut self) -> Option<Vec<ExerciseResult>> {
        self.eat(b'[')?;
        let mut list = Vec::new();
        if self.eat(b']').is_some() {
            return Some(list);
        }
        loop {
            self.eat(b'{')?;
            let (mut exercise, mut outcome) = (None, None);
            loop {
                let name = self.text()?;
                self.eat(b':')?;
                let value = self.text()?;
                let slot = match name {
                    "exercise" => &mut exercise,
                    "outcome" => &mut outcome,
                    _ => return None,
                };
                if slot.replace(value).is_some() {
                    return None;
                }
                if self.eat(b',').is_none() {
                    break;
                }
            }
            self.eat(b'}')?;
            list.push(ExerciseResult {
                exercise: exercise?.to_owned(),
                outcome: exercise_outcome(outcome?.as_bytes())?,
                rating: None,
            });
            if self.eat(b',').is_none() {
                break;
            }
        }
        self.eat(b']')?;
        Some(list)
    }
}
