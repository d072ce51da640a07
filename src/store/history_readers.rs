//! The merge's reader threads: a stretch of a log (whole lines, from a
//! line's start to another's) is read and judged line by line on one of a
//! few threads, while the merge takes the records of the stretches before
//! it. Reading and judging lines is most of the work of reading a
//! history, and stretches of one log do not depend on each other; with
//! two cores a long history is read in about two thirds of the time (the
//! merge and what its caller does with each record stay on one thread).
//!
//! Each stretch answers on its own channel, so its reader waits for it in
//! order whichever thread finished first. When no thread can be started,
//! a stretch is read at once on the thread that asks for it: slower, the
//! same result.

use std::fs::File;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

use serde::de::DeserializeOwned;

use super::history_files;
use super::history_lines::{self, Checked, Entry, Verdict};
use super::history_read::{BLOCK, Lines};

/// Most reader threads.
const MOST_THREADS: usize = 4;

/// What a line of a stretch came to (blank lines and another machine's
/// unfinished last line come to nothing).
#[derive(Debug)]
pub enum Line<T> {
    /// A record.
    Good(Entry<T>),
    /// A line that cannot be used: its number in the file, and why (safe
    /// to show).
    Bad(usize, String),
}

/// The lines of one stretch, in file order; `error` when reading stopped
/// before its end.
#[derive(Debug)]
pub struct Stretch<T> {
    /// What each line came to.
    pub lines: Vec<Line<T>>,
    /// Why reading stopped early, if it did.
    pub error: Option<io::Error>,
}

/// Where a stretch is: the file, its first line (offset and number), where
/// it ends, and whether the file is this machine's log (see
/// [`super::history_files::OpenLog::unfinished`]).
pub struct Place {
    /// The open log.
    pub file: Arc<File>,
    /// Offset and number of its first line.
    pub start: (u64, usize),
    /// Where it ends: a line's start, or the end of the log.
    pub end: u64,
    /// True for this machine's log.
    pub own: bool,
}

type Job<T> = (Place, SyncSender<Stretch<T>>);

/// A few threads reading stretches.
pub struct Readers<T> {
    jobs: Option<Sender<Job<T>>>,
    threads: Vec<JoinHandle<()>>,
    /// Set when the merge is done: stretches still queued are not read.
    stop: Arc<AtomicBool>,
}

impl<T: DeserializeOwned + Checked + Send + 'static> Readers<T> {
    /// Up to one thread a core (at least one, at most [`MOST_THREADS`]);
    /// none when none can be started.
    pub fn start() -> Readers<T> {
        let wanted = thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, MOST_THREADS);
        let (jobs, queue) = mpsc::channel::<Job<T>>();
        let queue = Arc::new(Mutex::new(queue));
        let stop = Arc::new(AtomicBool::new(false));
        let threads: Vec<_> = (0..wanted)
            .map_while(|n| {
                let (queue, stop) = (Arc::clone(&queue), Arc::clone(&stop));
                thread::Builder::new()
                    .name(format!("history-reader-{n}"))
                    .spawn(move || serve(&queue, &stop))
                    .ok()
            })
            .collect();
        Readers {
            jobs: (!threads.is_empty()).then_some(jobs),
            threads,
            stop,
        }
    }

    /// How many threads read (0: stretches are read by the caller).
    pub fn count(&self) -> usize {
        self.threads.len()
    }

    /// Starts reading the stretch at `place`; its lines come on the
    /// channel returned.
    pub fn read(&self, place: Place) -> Receiver<Stretch<T>> {
        let (reply, answer) = mpsc::sync_channel(1);
        let job = (place, reply);
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => return answer,
                Err(mpsc::SendError(job)) => job,
            },
            None => job,
        };
        let (place, reply) = job;
        // The channel holds one answer, so this never waits.
        let _ = reply.send(stretch(place));
        answer
    }
}

impl<T> Drop for Readers<T> {
    fn drop(&mut self) {
        // Each thread stops after the stretch in hand: what is queued is
        // skipped, and without a sender the queue ends.
        self.stop.store(true, Ordering::Relaxed);
        self.jobs = None;
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

/// One reader thread: stretches from `queue` until it ends or `stop`.
fn serve<T: DeserializeOwned + Checked>(queue: &Mutex<Receiver<Job<T>>>, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((place, reply)) = job else {
            return;
        };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        // The merge may have stopped waiting (it ended early): fine.
        let _ = reply.send(stretch(place));
    }
}

/// Reads and judges every line of the stretch at `place`.
pub fn stretch<T: DeserializeOwned + Checked>(place: Place) -> Stretch<T> {
    // Records are rarely under 64 bytes a line: room for all, at once.
    let room = place.end.saturating_sub(place.start.0) / 64;
    let mut found = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    let mut lines = Lines::new(place.file, place.start, place.end, BLOCK);
    loop {
        let at = match lines.next_line() {
            Ok(Some(at)) => at,
            Ok(None) => break,
            Err(err) => {
                return Stretch {
                    lines: found,
                    error: Some(err),
                };
            }
        };
        let unfinished = history_files::unfinished(at.ended, place.own);
        match history_lines::judge::<T>(lines.text(), at.too_long, unfinished) {
            Verdict::Good(entry) => found.push(Line::Good(entry)),
            Verdict::Blank | Verdict::Unfinished => {}
            Verdict::Bad(reason) => found.push(Line::Bad(at.number, reason)),
        }
    }
    Stretch {
        lines: found,
        error: None,
    }
}
