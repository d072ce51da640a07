//! Every history log read as one stream, oldest first, in bounded memory.
//! Each machine appends in time order, so the logs are merged k ways,
//! one record of each in hand. A clock set back breaks that order inside
//! a log: a first quick pass finds where a log goes back in time, and
//! each part in order is merged as a log of its own (up to
//! [`MAX_PARTS`] parts a log; past that, the rest is read in the order it
//! is in). A record found twice (two copies of a log, a sync conflict
//! copy) comes out once: copies of a record share an instant and a key,
//! so they meet among the records of that instant.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::io;

use chrono::{DateTime, Local};
use serde::de::DeserializeOwned;

use super::history::Findings;
use super::history_files::OpenLog;
use super::history_lines::{self, Checked, Entry, Stamp, Verdict};
use super::history_read::{BLOCK, Lines};
use super::history_repair::repair_all;
use super::history_report::Report;
use super::{Store, StoreError};

/// Most parts in order one log is merged as.
pub const MAX_PARTS: usize = 64;

/// Most distinct records of one instant told apart; past that (only a
/// planted log has so many), the rest of that instant all count.
const MAX_SAME_INSTANT: usize = 1024;

/// Tells whether a record was seen already among those of its instant.
/// A record is the same as another when their keys match; a file holding
/// a record twice holds it twice (an old log could), so what counts is,
/// for each key, the most copies any one file has of it.
#[derive(Debug, Default)]
pub struct Dedupe {
    time: Option<Stamp>,
    /// (key, file, copies in that file) of this instant.
    per_file: Vec<(u64, usize, u32)>,
    /// (key, copies counted) of this instant.
    counted: Vec<(u64, u32)>,
}

impl Dedupe {
    /// True when the record with `key` at `time` from file `file` counts
    /// (it is not a copy of one already counted). Records must come in
    /// time order; one without a time always counts.
    pub fn admit(&mut self, time: Option<Stamp>, key: u64, file: usize) -> bool {
        let Some(time) = time else {
            return true;
        };
        if self.time != Some(time) {
            self.time = Some(time);
            self.per_file.clear();
            self.counted.clear();
        }
        if self.counted.len() >= MAX_SAME_INSTANT {
            return true;
        }
        let copies = match self
            .per_file
            .iter_mut()
            .find(|(k, f, _)| *k == key && *f == file)
        {
            Some((_, _, copies)) => {
                *copies += 1;
                *copies
            }
            None => {
                self.per_file.push((key, file, 1));
                1
            }
        };
        match self.counted.iter_mut().find(|(k, _)| *k == key) {
            Some((_, counted)) if *counted >= copies => false,
            Some((_, counted)) => {
                *counted = copies;
                true
            }
            None => {
                self.counted.push((key, copies));
                true
            }
        }
    }
}

/// A part of a log in time order.
struct Part {
    lines: Lines,
    log: usize,
}

/// The next record of a part, ordered for the heap: earliest first, then
/// the part that came first (this machine's log before the others).
struct Head<T> {
    entry: Entry<T>,
    part: usize,
}

impl<T> Head<T> {
    fn rank(&self) -> (Option<Stamp>, usize) {
        (self.entry.time, self.part)
    }
}

impl<T> PartialEq for Head<T> {
    fn eq(&self, other: &Self) -> bool {
        self.rank() == other.rank()
    }
}

impl<T> Eq for Head<T> {}

impl<T> PartialOrd for Head<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Head<T> {
    /// Reversed: the heap's top is the earliest.
    fn cmp(&self, other: &Self) -> Ordering {
        other.rank().cmp(&self.rank())
    }
}

/// Every log as one stream of records, oldest first, each once.
pub struct Merge<T> {
    logs: Vec<OpenLog>,
    parts: Vec<Part>,
    heap: BinaryHeap<Head<T>>,
    dedupe: Dedupe,
    report: Report,
    /// Per log: a bad line was found in it.
    bad: Vec<bool>,
}

impl<T: DeserializeOwned + Checked> Merge<T> {
    /// Opens every log of `store` and finds its parts in time order.
    pub fn open(store: &Store) -> Result<Merge<T>, StoreError> {
        let (logs, report) = store.open_logs()?;
        let mut merge = Merge {
            parts: Vec::new(),
            heap: BinaryHeap::new(),
            dedupe: Dedupe::default(),
            report,
            bad: vec![false; logs.len()],
            logs,
        };
        for index in 0..merge.logs.len() {
            let log = &merge.logs[index];
            match parts(log) {
                Ok(found) => merge
                    .parts
                    .extend(found.into_iter().map(|(start, end)| Part {
                        lines: Lines::new(log.file.clone(), start, end, BLOCK),
                        log: index,
                    })),
                Err(err) => merge.unreadable(index, &err),
            }
        }
        for part in 0..merge.parts.len() {
            if let Some(entry) = merge.read(part) {
                merge.heap.push(Head { entry, part });
            }
        }
        Ok(merge)
    }

    /// The next record of `part`, if it has one more.
    fn read(&mut self, part: usize) -> Option<Entry<T>> {
        loop {
            let Part { lines, log } = &mut self.parts[part];
            let log = *log;
            let at = match lines.next_line() {
                Ok(Some(at)) => at,
                Ok(None) => return None,
                Err(err) => {
                    self.unreadable(log, &err);
                    return None;
                }
            };
            let opened = &self.logs[log];
            let unfinished = opened.unfinished(at.ended);
            let reason = match history_lines::judge::<T>(lines.text(), at.too_long, unfinished) {
                Verdict::Good(entry) => return Some(entry),
                Verdict::Blank | Verdict::Unfinished => continue,
                Verdict::Bad(reason) => reason,
            };
            let name = opened.log.name.as_deref();
            self.report.line((name, log), at.number, &reason);
            self.bad[log] = true;
        }
    }

    fn unreadable(&mut self, log: usize, err: &io::Error) {
        let name = self.logs[log]
            .log
            .name
            .as_deref()
            .unwrap_or("this machine's log");
        self.report.file(name, &format!("cannot read it: {err}"));
    }

    /// What reading found; this machine's logs with bad lines are
    /// repaired first (see `history_repair`).
    pub fn finish(self, now: DateTime<Local>) -> Findings {
        let bad = self
            .logs
            .iter()
            .zip(&self.bad)
            .filter(|(log, bad)| **bad && log.log.own)
            .map(|(log, _)| log.log.path.clone());
        let bad: Vec<_> = bad.collect();
        drop(self.parts);
        drop(self.logs);
        repair_all::<T>(&bad, self.report.sorted(), now)
    }
}

impl<T: DeserializeOwned + Checked> Iterator for Merge<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        loop {
            // The earliest record goes, and the next of its part takes
            // its place in the heap (one sift instead of a pop and a push).
            let part = self.heap.peek()?.part;
            let entry = match self.read(part) {
                Some(next) => {
                    let mut top = self.heap.peek_mut()?;
                    std::mem::replace(&mut top.entry, next)
                }
                None => self.heap.pop()?.entry,
            };
            let log = self.parts[part].log;
            if self.dedupe.admit(entry.time, entry.key, log) {
                return Some(entry.record);
            }
        }
    }
}

/// The parts of `log` in time order, by the quick look at each line's
/// time: each as (where it starts, its first line's number) and where it
/// ends.
fn parts(log: &OpenLog) -> io::Result<Vec<((u64, usize), u64)>> {
    let mut starts = vec![(0u64, 1usize)];
    let mut lines = Lines::new(log.file.clone(), (0, 1), log.len, BLOCK);
    let mut last: Option<Stamp> = None;
    while let Some(at) = lines.next_line()? {
        let Some(time) = history_lines::sniff_time(lines.text()) else {
            continue;
        };
        if last.is_some_and(|last| time < last) && starts.len() < MAX_PARTS {
            starts.push((at.offset, at.number));
        }
        last = Some(time);
    }
    let ends = starts
        .iter()
        .skip(1)
        .map(|(offset, _)| *offset)
        .chain([log.len]);
    Ok(starts.iter().copied().zip(ends).collect())
}
