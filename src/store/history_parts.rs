//! Where a log goes back in time, found before it is merged (see
//! [`super::history_merge`]): a quick look at each line's time splits
//! the log into parts in time order, and marks where the lines start
//! every [`GRAIN`] bytes or so, where the merge's readers may cut it into
//! stretches. A long log is looked at in pieces on as many threads as
//! there are cores; what the pieces found is joined in order, so the
//! parts are the same as one look from the start would find.

use std::io;
use std::thread;

use super::history_files::OpenLog;
use super::history_lines::{self, Stamp};
use super::history_read::{BLOCK, Lines};

/// Most parts in order one log is merged as; past that, the rest of the
/// log is read in the order it is in.
pub const MAX_PARTS: usize = 64;

/// A log is cut for reading at the first line start after every this
/// many bytes.
pub const GRAIN: u64 = 32 * 1024;

/// Most threads one log is looked at on.
const MOST_PIECES: usize = 4;

/// A log shorter than this many bytes a piece is looked at on fewer
/// threads (starting one costs more than looking at a little).
const LEAST_PIECE: u64 = 1024 * 1024;

/// Where a line starts: its offset and its number in the file (from 1).
pub type LineStart = (u64, usize);

/// A part of a log in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// Where its lines may be cut for reading, its own start first.
    pub cuts: Vec<LineStart>,
    /// Where it ends.
    pub end: u64,
}

/// What a look at part of a log marks at a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    /// The line is earlier than the line before it with a time.
    Back,
    /// A place to cut.
    Cut,
}

/// What one piece's look found; line numbers count from 0 at the piece's
/// first line.
#[derive(Debug, Default)]
struct Look {
    /// The marks, in file order.
    marks: Vec<(u64, usize, Mark)>,
    /// The first line with a time, and where it is.
    first: Option<(Stamp, u64, usize)>,
    /// The time of the last line with one.
    last: Option<Stamp>,
    /// How many lines the piece has.
    lines: usize,
}

/// The parts of `log` in time order.
pub fn parts(log: &OpenLog) -> io::Result<Vec<Planned>> {
    let threads = thread::available_parallelism().map_or(1, usize::from);
    let pieces = usize::try_from(log.len / LEAST_PIECE)
        .unwrap_or(MOST_PIECES)
        .clamp(1, threads.clamp(1, MOST_PIECES));
    parts_in(log, pieces)
}

/// [`parts`], the log looked at in `pieces` pieces.
fn parts_in(log: &OpenLog, pieces: usize) -> io::Result<Vec<Planned>> {
    let starts = piece_starts(log, pieces)?;
    let ends: Vec<u64> = starts.iter().skip(1).copied().chain([log.len]).collect();
    let looks: Vec<io::Result<Look>> = thread::scope(|scope| {
        let running: Vec<_> = starts
            .iter()
            .zip(&ends)
            .skip(1)
            .map(|(&start, &end)| {
                let spawned = thread::Builder::new()
                    .name("history-look".into())
                    .spawn_scoped(scope, move || look(log, start, end));
                // No thread: looked at here, afterwards.
                spawned.map_err(|_| (start, end))
            })
            .collect();
        let mut looks = vec![look(log, starts[0], ends[0])];
        for piece in running {
            looks.push(match piece {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|_| Err(io::Error::other("looking at the log stopped"))),
                Err((start, end)) => look(log, start, end),
            });
        }
        looks
    });
    let looks = looks.into_iter().collect::<io::Result<Vec<Look>>>()?;
    Ok(join(&starts, &looks, log.len))
}

/// Where each of `pieces` pieces of `log` starts: the first line start at
/// or after an even share of its bytes (a piece with no line start in it
/// is left out). The first starts at 0.
fn piece_starts(log: &OpenLog, pieces: usize) -> io::Result<Vec<u64>> {
    let mut starts = vec![0];
    for piece in 1..pieces {
        let near = log.len / pieces as u64 * piece as u64;
        let Some(&before) = starts.last() else {
            continue;
        };
        if near <= before {
            continue;
        }
        // The line holding the byte before `near` ends where the next
        // line starts.
        let mut lines = Lines::new(log.file.clone(), (near - 1, 0), log.len, BLOCK);
        if let Some(at) = lines.next_line()?
            && at.ended
            && near - 1 + at.len < log.len
        {
            starts.push(near - 1 + at.len);
        }
    }
    starts.dedup();
    Ok(starts)
}

/// Looks at the lines of `log` from `start` (a line start) to `end`.
fn look(log: &OpenLog, start: u64, end: u64) -> io::Result<Look> {
    let mut found = Look::default();
    let mut lines = Lines::new(log.file.clone(), (start, 0), end, BLOCK);
    let mut cut = start;
    while let Some(at) = lines.next_line()? {
        found.lines += 1;
        let time = history_lines::sniff_time(lines.text());
        if let Some(time) = time {
            if found.first.is_none() {
                found.first = Some((time, at.offset, at.number));
            }
            if found.last.is_some_and(|last| time < last) {
                found.marks.push((at.offset, at.number, Mark::Back));
                cut = at.offset;
            }
            found.last = Some(time);
        }
        if at.offset >= cut + GRAIN {
            found.marks.push((at.offset, at.number, Mark::Cut));
            cut = at.offset;
        }
    }
    Ok(found)
}

/// The parts the looks at the pieces starting at `starts` found, joined
/// in order, of a log `len` bytes long.
fn join(starts: &[u64], looks: &[Look], len: u64) -> Vec<Planned> {
    let mut marks = Vec::new();
    let mut number = 1;
    let mut last: Option<Stamp> = None;
    for (&start, found) in starts.iter().zip(looks) {
        if start > 0 {
            marks.push((start, number, Mark::Cut));
        }
        // The first time of a piece is compared with the last of those
        // before it, as one look from the start would.
        if let (Some((time, offset, at)), Some(last)) = (found.first, last)
            && time < last
        {
            marks.push((offset, number + at, Mark::Back));
        }
        marks.extend(
            found
                .marks
                .iter()
                .map(|&(offset, at, mark)| (offset, number + at, mark)),
        );
        number += found.lines;
        last = found.last.or(last);
    }
    // In file order, a going back before a cut at the same line.
    marks.sort_unstable();
    marks.dedup_by_key(|(offset, _, _)| *offset);
    let mut parts = vec![Planned {
        cuts: vec![(0, 1)],
        end: len,
    }];
    for (offset, number, mark) in marks {
        if mark == Mark::Back && parts.len() < MAX_PARTS {
            if let Some(part) = parts.last_mut() {
                part.end = offset;
            }
            parts.push(Planned {
                cuts: vec![(offset, number)],
                end: len,
            });
        } else if let Some(part) = parts.last_mut() {
            part.cuts.push((offset, number));
        }
    }
    parts
}

// Set-up that fails fails the test, as in the integration tests.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::fs::File;
    use std::io::Write;
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::store::history_files::LogFile;

    /// A line: a record some minutes after the one before (at times
    /// earlier: a clock set back), a line without a time, a long one, or
    /// a blank.
    fn any_line() -> impl Strategy<Value = String> {
        let at = |minute: u32| {
            format!(
                "{{\"version\":1,\"kind\":\"standup\",\"at\":\"2026-11-{:02}T{:02}:{:02}:00+01:00\",\"outcome\":\"done\"}}\n",
                1 + minute / 1440,
                minute / 60 % 24,
                minute % 60
            )
        };
        prop_oneof![
            12 => (0u32..20_000).prop_map(at),
            1 => (0usize..40_000).prop_map(|n| format!("#{}\n", "x".repeat(n))),
            1 => Just("  \n".to_owned()),
        ]
    }

    fn open(text: &str) -> (tempfile::NamedTempFile, OpenLog) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        let log = OpenLog {
            file: Arc::new(File::open(file.path()).unwrap()),
            len: text.len() as u64,
            log: LogFile {
                path: file.path().to_owned(),
                name: None,
                own: true,
            },
        };
        (file, log)
    }

    /// Where each part starts and ends, as one look from the start at
    /// each line's time finds them.
    fn by_one_look(text: &str) -> Vec<(u64, u64)> {
        let mut starts = vec![0u64];
        let mut last = None;
        let mut offset = 0u64;
        for line in text.split_inclusive('\n') {
            if let Some(time) = history_lines::sniff_time(line.trim_end_matches('\n').as_bytes()) {
                if last.is_some_and(|last| time < last) && starts.len() < MAX_PARTS {
                    starts.push(offset);
                }
                last = Some(time);
            }
            offset += line.len() as u64;
        }
        let ends = starts.iter().skip(1).copied().chain([offset]);
        starts.iter().copied().zip(ends).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// However many pieces a log is looked at in, its parts are those
        /// one look from the start finds, and every cut is a line's start
        /// with that line's number.
        #[test]
        fn pieces_find_what_one_look_finds(
            lines in proptest::collection::vec(any_line(), 0..400),
            torn in any::<bool>(),
            pieces in 1usize..6,
        ) {
            let mut text: String = lines.concat();
            if torn {
                text.push_str("{\"version\":1,\"kind\"");
            }
            let (_file, log) = open(&text);
            let found = parts_in(&log, pieces).unwrap();
            let spans: Vec<(u64, u64)> =
                found.iter().map(|part| (part.cuts[0].0, part.end)).collect();
            prop_assert_eq!(spans, by_one_look(&text));
            let mut line_starts = vec![(0u64, 1usize)];
            let mut offset = 0u64;
            for (n, line) in text.split_inclusive('\n').enumerate() {
                offset += line.len() as u64;
                line_starts.push((offset, n + 2));
            }
            let mut previous = None;
            for part in &found {
                for cut in &part.cuts {
                    prop_assert!(line_starts.contains(cut), "{:?} is not a line start", cut);
                    prop_assert!(cut.0 < part.end || (cut.0 == 0 && part.end == 0));
                    prop_assert!(previous < Some(cut.0));
                    previous = Some(cut.0);
                }
            }
        }
    }
}
