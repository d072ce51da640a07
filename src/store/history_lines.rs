//! One line of a history log, on bytes: a line is read or set aside
//! exactly as it was (no UTF-8 repair of a damaged line). Each record
//! read gets its time, for merging the machines' logs, and a key that is
//! the same for the same record in any file: its `id`, or for a record
//! written before records had one, its bytes. A sync conflict copy of a
//! log therefore never counts twice.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::text::safe;

/// Version written into every record.
pub const RECORD_VERSION: u32 = 1;

/// Longest line read; a longer one is reported and set aside like a line
/// that does not parse (a record is a few hundred bytes).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// A record that can tell whether the values it was read with make sense;
/// one that cannot is treated like a line that does not parse.
pub trait Checked {
    /// Why the record cannot be right, if it cannot.
    fn problem(&self) -> Option<String>;

    /// When it happened, which orders the merged logs; records without a
    /// time keep the order of their file.
    fn time(&self) -> Option<DateTime<FixedOffset>> {
        None
    }

    /// The line's `version`, `id` and record, read by a quicker reader
    /// than serde's when the line is in the usual form; `None` leaves it
    /// to serde's.
    fn read_fast(_line: &[u8]) -> Option<(u32, Option<&str>, Self)>
    where
        Self: Sized,
    {
        None
    }
}

impl Checked for crate::domain::record::Record {
    fn problem(&self) -> Option<String> {
        crate::domain::record::Record::problem(self)
    }

    fn time(&self) -> Option<DateTime<FixedOffset>> {
        Some(crate::domain::record::Record::time(self))
    }

    fn read_fast(line: &[u8]) -> Option<(u32, Option<&str>, Self)> {
        super::history_fast::read_in(line)
    }
}

/// An instant, as the merge orders records: seconds and nanoseconds since
/// 1970 (the offset a record was written with does not matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp(i64, u32);

impl Stamp {
    /// The instant of the time `text` (as the general reader reads it).
    pub fn read(text: &[u8]) -> Option<Stamp> {
        if let Some((secs, _)) = super::history_time::usual(text) {
            return Some(Stamp(secs, 0));
        }
        let text = std::str::from_utf8(text).ok()?;
        super::history_time::date(text).map(|at| Stamp::of(&at))
    }

    /// The instant of `at`.
    pub fn of(at: &DateTime<FixedOffset>) -> Stamp {
        Stamp(at.timestamp(), at.timestamp_subsec_nanos())
    }
}

/// One record read from a line.
#[derive(Debug)]
pub struct Entry<T> {
    /// The record.
    pub record: T,
    /// When it happened, if it says.
    pub time: Option<Stamp>,
    /// The same for the same record in any file (see the module notes).
    pub key: u64,
}

#[derive(Deserialize)]
struct LineIn<T> {
    version: u32,
    #[serde(default)]
    id: Option<String>,
    #[serde(flatten)]
    record: T,
}

/// True for a line of nothing but white space (skipped, and dropped by a
/// repair).
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// What one line of a log is, as every reader treats it.
#[derive(Debug)]
pub enum Verdict<T> {
    /// A record.
    Good(Entry<T>),
    /// White space only: skipped (and dropped by a repair).
    Blank,
    /// The last line of another machine's log without its `\n`: still
    /// being written or synced, so not read yet.
    Unfinished,
    /// A line that cannot be used, and why (safe to show).
    Bad(String),
}

/// The verdict on a line (`text` without its `\n`; empty when it was
/// `too_long` to keep); `unfinished` when it is the last line of another
/// machine's log and has no `\n`.
pub fn judge<T: DeserializeOwned + Checked>(
    text: &[u8],
    too_long: bool,
    unfinished: bool,
) -> Verdict<T> {
    if too_long {
        return Verdict::Bad(format!("longer than {MAX_LINE_BYTES} bytes"));
    }
    if is_blank(text) {
        return Verdict::Blank;
    }
    if unfinished {
        return Verdict::Unfinished;
    }
    match parse(text) {
        Ok(entry) => Verdict::Good(entry),
        Err(reason) => Verdict::Bad(reason),
    }
}

/// Reads one line (without its `\n`): the record, or why it cannot be
/// used, safe to show.
pub fn parse<T: DeserializeOwned + Checked>(line: &[u8]) -> Result<Entry<T>, String> {
    let key = |id: Option<&str>| match id {
        Some(id) => key_of(b"id:", id.as_bytes()),
        None => key_of(b"line:", line),
    };
    let (version, key, record) = match T::read_fast(line) {
        Some((version, id, record)) => (version, key(id), record),
        None => {
            let entry: LineIn<T> = serde_json::from_slice(line)
                .map_err(|err| safe::shown(&err.to_string()).into_owned())?;
            (entry.version, key(entry.id.as_deref()), entry.record)
        }
    };
    if version != RECORD_VERSION {
        return Err(format!(
            "record version {version} is not one this backcoach reads"
        ));
    }
    if let Some(problem) = record.problem() {
        return Err(safe::shown(&problem).into_owned());
    }
    Ok(Entry {
        time: record.time().as_ref().map(Stamp::of),
        record,
        key,
    })
}

/// A 64-bit hash of `kind` then `bytes`, with fixed constants: the same
/// on every machine, and plenty to tell apart the records of one instant
/// (the only ones ever compared; keys are never stored). Sixteen bytes
/// at a time go through a folded 128-bit multiplication, in two chains
/// that do not wait on each other.
fn key_of(kind: &[u8], bytes: &[u8]) -> u64 {
    const SEEDS: [u64; 4] = [
        0x9e37_79b9_7f4a_7c15,
        0x517c_c1b7_2722_0a95,
        0x2d35_8dcc_aa6c_78a5,
        0x8bb8_4b93_962e_acc9,
    ];
    let fold = |a: u64, b: u64| {
        let full = u128::from(a) * u128::from(b);
        (full as u64) ^ ((full >> 64) as u64)
    };
    let word = |chunk: &[u8]| {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        u64::from_le_bytes(word)
    };
    let mut chains = [
        fold(SEEDS[0] ^ word(&kind[..kind.len().min(8)]), SEEDS[1]),
        SEEDS[2] ^ bytes.len() as u64,
    ];
    let mut blocks = bytes.chunks_exact(16);
    for (i, block) in blocks.by_ref().enumerate() {
        let chain = &mut chains[i % 2];
        *chain = fold(*chain ^ word(&block[..8]), word(&block[8..]) ^ SEEDS[3]);
    }
    let rest = blocks.remainder();
    let (first, second) = rest.split_at(rest.len().min(8));
    let last = fold(chains[0] ^ word(first), word(second) ^ SEEDS[1]);
    fold(last ^ SEEDS[2], chains[1] ^ SEEDS[3])
}

/// The time of a line as the records this release writes carry it (the
/// first `"at"` or `"started"` field), found without reading the whole
/// record: enough to tell where a log goes back in time. `None` for a line
/// where it is not found that way.
pub fn sniff_time(line: &[u8]) -> Option<Stamp> {
    // The time is among the first fields of every record written. Both
    // names start with a quote: the first quote that starts either is
    // where the earlier of the two is.
    const AT: &[u8] = b"\"at\":\"";
    const STARTED: &[u8] = b"\"started\":\"";
    if let Some(stamp) = sniff_usual(line) {
        return Some(stamp);
    }
    let head = &line[..line.len().min(SNIFF_BYTES)];
    let start = memchr::memchr_iter(b'"', head).find_map(|quote| {
        let rest = &head[quote..];
        if rest.starts_with(AT) {
            Some(quote + AT.len())
        } else if rest.starts_with(STARTED) {
            Some(quote + STARTED.len())
        } else {
            None
        }
    })?;
    let rest = line.get(start..)?;
    let end = memchr::memchr(b'"', rest)?;
    Stamp::read(&rest[..end])
}

/// [`sniff_time`] of a line that starts as this release writes most
/// records, with a time in the usual form: found at its place. None of
/// these beginnings holds `"at":"` or `"started":"` but at its end, so
/// the time there is the first one. `None` for any other line.
fn sniff_usual(line: &[u8]) -> Option<Stamp> {
    let rest = strip(line, b"{\"version\":1,\"kind\":\"")?;
    let rest = match rest.first()? {
        b's' => {
            strip(rest, b"standup\",\"at\":\"").or_else(|| strip(rest, b"session\",\"started\":\""))
        }
        b'r' => strip(rest, b"release_used\",\"at\":\"")
            .or_else(|| strip(rest, b"release_hurt\",\"at\":\"")),
        b'w' => strip(rest, b"warnings_reviewed\",\"at\":\""),
        _ => None,
    }?;
    // The usual form holds no quote, so the quote after it ends it.
    let (secs, _) = super::history_time::usual(rest.get(..25)?)?;
    (rest.get(25) == Some(&b'"')).then_some(Stamp(secs, 0))
}

/// `bytes` after `prefix`, if they start with it (compared as an array
/// of known length).
fn strip<'a, const N: usize>(bytes: &'a [u8], prefix: &[u8; N]) -> Option<&'a [u8]> {
    let (head, rest) = bytes.split_first_chunk::<N>()?;
    (head == prefix).then_some(rest)
}

/// How far into a line [`sniff_time`] looks.
const SNIFF_BYTES: usize = 256;
