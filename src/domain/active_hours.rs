//! Active hours: one or more ranges of a day (`09:00-12:30,13:30-18:00`),
//! a range that crosses midnight (`22:00-06:00`) belonging to the day it
//! starts on. Written and read as that text, in `config.ron` and by
//! `backcoach config set reminder.active_hours`.

use super::reminder_settings::ClockTime;

/// Most ranges in a day.
pub const MAX_SPANS: usize = 4;

/// One range of a day: from `from` until `until` (exclusive); when
/// `until` is not after `from` it ends on the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Start.
    pub from: ClockTime,
    /// End (exclusive); 24:00 is the end of the day.
    pub until: ClockTime,
}

impl Span {
    /// True when the range ends on the next day (`22:00-06:00`).
    pub fn overnight(self) -> bool {
        self.until < self.from
    }

    /// Minutes from the start of its day to its end (past 1440 overnight).
    fn end_minutes(self) -> u32 {
        let until = u32::from(self.until.minutes());
        if self.overnight() {
            until + 1440
        } else {
            until
        }
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.from, self.until)
    }
}

/// The ranges of every active day, in order, none overlapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    spans: [Span; MAX_SPANS],
    len: usize,
}

impl Hours {
    /// One range from `from` until `until` (which may cross midnight);
    /// `None` when they are equal.
    pub fn single(from: ClockTime, until: ClockTime) -> Option<Hours> {
        (from != until).then_some(Hours::one_range(from, until))
    }

    /// One range, for a constant: `from` must differ from `until`.
    pub const fn one_range(from: ClockTime, until: ClockTime) -> Hours {
        Hours {
            spans: [Span { from, until }; MAX_SPANS],
            len: 1,
        }
    }

    /// The ranges, in order.
    pub fn spans(&self) -> &[Span] {
        self.spans.get(..self.len).unwrap_or_default()
    }

    /// True for the whole day, 00:00-24:00.
    pub fn all_day(&self) -> bool {
        matches!(self.spans(), [span] if span.from.minutes() == 0 && span.until.minutes() == 1440)
    }

    /// Reads `09:00-12:30,13:30-18:00`; the reason when it cannot.
    pub fn parse(text: &str) -> Result<Hours, String> {
        let quoted = || format!("`{}`", text.trim().escape_debug());
        let mut spans = Vec::new();
        for part in text.split(',') {
            let part = part.trim();
            let (from, until) = part.split_once('-').ok_or_else(|| {
                format!(
                    "{} is not active hours like 09:00-18:00 or 09:00-12:30,13:30-18:00",
                    quoted()
                )
            })?;
            let from = ClockTime::try_from(from.trim().to_owned())?;
            let until = ClockTime::try_from(until.trim().to_owned())?;
            if from == until || from.minutes() == 1440 {
                return Err(format!(
                    "`{part}` is empty: a range must start before it ends"
                ));
            }
            spans.push(Span { from, until });
        }
        if spans.len() > MAX_SPANS {
            return Err(format!("{} has more than {MAX_SPANS} ranges", quoted()));
        }
        spans.sort_by_key(|span| span.from);
        for pair in spans.windows(2) {
            if let [a, b] = pair
                && (a.end_minutes() > u32::from(b.from.minutes()))
            {
                return Err(format!(
                    "{} has ranges that overlap ({a} and {b})",
                    quoted()
                ));
            }
        }
        if let (Some(first), Some(last)) = (spans.first(), spans.last())
            && last.overnight()
            && last.until > first.from
            && spans.len() > 1
        {
            return Err(format!(
                "{} has ranges that overlap ({last} and {first})",
                quoted()
            ));
        }
        let mut hours = Hours::single(spans[0].from, spans[0].until)
            .ok_or_else(|| format!("{} has no range", quoted()))?;
        for (slot, span) in hours.spans.iter_mut().zip(&spans) {
            *slot = *span;
        }
        hours.len = spans.len();
        Ok(hours)
    }

    /// The first range's start.
    pub fn from(&self) -> ClockTime {
        self.spans[0].from
    }

    /// The last range's end.
    pub fn until(&self) -> ClockTime {
        self.spans[self.len.saturating_sub(1)].until
    }

    /// The same ranges with the first one starting at `from` and the last
    /// one ending at `until`; `None` when that would not be valid.
    pub fn with_ends(&self, from: ClockTime, until: ClockTime) -> Option<Hours> {
        let mut text: Vec<Span> = self.spans().to_vec();
        text.first_mut()?.from = from;
        text.last_mut()?.until = until;
        let written: Vec<String> = text.iter().map(Span::to_string).collect();
        Hours::parse(&written.join(",")).ok()
    }
}

impl std::fmt::Display for Hours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, span) in self.spans().iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{span}")?;
        }
        Ok(())
    }
}
