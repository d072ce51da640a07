//! Every history log read as one stream, oldest first, in bounded memory.
//! Each machine appends in time order, so the logs are merged k ways,
//! one record of each in hand. A clock set back breaks that order inside
//! a log: a first quick look finds where a log goes back in time (see
//! `history_parts`), and each part in order is merged as a log
//! of its own. A record found twice (two copies of a log, a sync conflict
//! copy) comes out once: copies of a record share an instant and a key,
//! so they meet among the records of that instant.
//!
//! The parts are read in stretches of whole lines on the reader threads
//! of `history_readers`, a few stretches ahead of the merge, so
//! the merge and the reading of what comes next share the cores.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};
use std::io;
use std::sync::mpsc::Receiver;

use chrono::{DateTime, Local};
use serde::de::DeserializeOwned;

use super::history::Findings;
use super::history_files::OpenLog;
use super::history_lines::{Checked, Entry, Stamp};
use super::history_parts::{GRAIN, LineStart, Planned, parts};
use super::history_readers::{Line, Place, Readers, Stretch};
use super::history_repair::repair_all;
use super::history_report::Report;
use super::{Store, StoreError};

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

/// Where a stretch starts and ends.
type Span = (LineStart, u64);

/// Most grains one stretch holds.
const MOST_GRAINS: usize = 8;

/// About how many bytes of the logs are asked for ahead of the merge, at
/// most (with very many parts, one grain a part).
const AHEAD_BYTES: u64 = 4 * 1024 * 1024;

/// A part of a log in time order.
struct Part<T> {
    log: usize,
    /// Its stretches not asked for yet, in order.
    waiting: VecDeque<Span>,
    /// Its stretches being read, in order.
    asked: VecDeque<Receiver<Stretch<T>>>,
    /// The lines of the stretch in hand not taken yet.
    lines: std::vec::IntoIter<Line<T>>,
    /// Why the stretch in hand stopped early, if it did.
    error: Option<io::Error>,
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
    parts: Vec<Part<T>>,
    readers: Readers<T>,
    /// Stretches a part has asked for ahead of the one in hand.
    ahead: usize,
    heap: BinaryHeap<Head<T>>,
    dedupe: Dedupe,
    report: Report,
    /// Per log: a bad line was found in it.
    bad: Vec<bool>,
}

impl<T: DeserializeOwned + Checked + Send + 'static> Merge<T> {
    /// Opens every log of `store`, finds its parts in time order and
    /// starts reading each.
    pub fn open(store: &Store) -> Result<Merge<T>, StoreError> {
        let (logs, report) = store.open_logs()?;
        let readers = Readers::start();
        let mut merge = Merge {
            parts: Vec::new(),
            readers,
            ahead: 1,
            heap: BinaryHeap::new(),
            dedupe: Dedupe::default(),
            report,
            bad: vec![false; logs.len()],
            logs,
        };
        let mut found = Vec::new();
        for index in 0..merge.logs.len() {
            match parts(&merge.logs[index]) {
                Ok(parts) => found.extend(parts.into_iter().map(|part| (index, part))),
                Err(err) => merge.unreadable(index, &err),
            }
        }
        // Enough stretches ahead to keep every reader busy, in stretches
        // as long as the memory asked for ahead allows.
        let count = found.len().max(1);
        let threads = merge.readers.count();
        merge.ahead = if threads == 0 {
            1
        } else {
            (2 * threads + 2).div_ceil(count)
        };
        let grains = AHEAD_BYTES / (GRAIN * (count * merge.ahead) as u64);
        let grains = usize::try_from(grains).map_or(MOST_GRAINS, |g| g.clamp(1, MOST_GRAINS));
        merge.parts = found
            .into_iter()
            .map(|(log, planned)| Part {
                log,
                waiting: stretches(&planned, grains),
                asked: VecDeque::new(),
                lines: Vec::new().into_iter(),
                error: None,
            })
            .collect();
        for part in 0..merge.parts.len() {
            merge.ask(part);
        }
        for part in 0..merge.parts.len() {
            if let Some(entry) = merge.read(part) {
                merge.heap.push(Head { entry, part });
            }
        }
        Ok(merge)
    }

    /// Asks for the stretches of `part` up to [`Merge::ahead`].
    fn ask(&mut self, part: usize) {
        let Part {
            log,
            waiting,
            asked,
            ..
        } = &mut self.parts[part];
        while asked.len() < self.ahead {
            let Some((start, end)) = waiting.pop_front() else {
                break;
            };
            let opened = &self.logs[*log];
            asked.push_back(self.readers.read(Place {
                file: opened.file.clone(),
                start,
                end,
                own: opened.log.own,
            }));
        }
    }

    /// The next record of `part`, if it has one more.
    fn read(&mut self, part: usize) -> Option<Entry<T>> {
        loop {
            let Part {
                lines, error, log, ..
            } = &mut self.parts[part];
            let log = *log;
            match lines.next() {
                Some(Line::Good(entry)) => return Some(entry),
                Some(Line::Bad(number, reason)) => {
                    let name = self.logs[log].log.name.as_deref();
                    self.report.line((name, log), number, &reason);
                    self.bad[log] = true;
                    continue;
                }
                None => {}
            }
            if let Some(err) = error.take() {
                let part = &mut self.parts[part];
                part.waiting.clear();
                part.asked.clear();
                self.unreadable(log, &err);
                return None;
            }
            let answer = self.parts[part].asked.pop_front()?;
            self.ask(part);
            let stretch = answer.recv().unwrap_or_else(|_| Stretch {
                lines: Vec::new(),
                error: Some(io::Error::other("reading stopped")),
            });
            let part = &mut self.parts[part];
            part.lines = stretch.lines.into_iter();
            part.error = stretch.error;
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
        // Every file closed before a repair replaces one (Windows cannot
        // replace an open file).
        drop(self.parts);
        drop(self.readers);
        drop(self.logs);
        repair_all::<T>(&bad, self.report.sorted(), now)
    }
}

impl<T: DeserializeOwned + Checked + Send + 'static> Iterator for Merge<T> {
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

/// The stretches of a part, `grains` of its cuts each.
fn stretches(part: &Planned, grains: usize) -> VecDeque<Span> {
    let starts: Vec<_> = part.cuts.iter().copied().step_by(grains.max(1)).collect();
    let ends = starts
        .iter()
        .skip(1)
        .map(|(offset, _)| *offset)
        .chain([part.end]);
    starts.iter().copied().zip(ends).collect()
}
