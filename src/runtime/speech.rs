//! Spoken cues: a worker thread says each cue through a speaker program,
//! so the loop never waits for it. A new cue replaces one still being
//! said (the running speaker is stopped) rather than queueing a backlog
//! behind it. The speaker is the configured command, else the first of
//! [`SPEAKERS`] found on `PATH`. A missing or failing speaker is reported
//! once a run; cues after it are still tried, and nothing else waits.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::text::safe;

/// Speakers looked for on `PATH`, in this order.
pub const SPEAKERS: [&str; 4] = ["spd-say", "espeak-ng", "espeak", "say"];

/// How long one cue may take before its speaker counts as hung.
const SPEAK_LIMIT: Duration = Duration::from_secs(30);
/// How often the worker looks whether the speaker has finished.
const POLL: Duration = Duration::from_millis(50);

/// Called once, on the worker's thread, with why cues cannot be said.
type Report = Box<dyn Fn(String) + Send>;

/// One cue and how to say it.
struct Cue {
    text: String,
    command: Option<String>,
}

/// The worker's end of things, started on the first cue.
struct Worker {
    tx: Sender<Cue>,
    /// Cues handed over and not yet started (or dropped for a newer one).
    pending: Arc<AtomicUsize>,
}

static WORKER: OnceLock<Option<Worker>> = OnceLock::new();

/// Hands `text` to the speech worker and returns at once. `command` is
/// the configured speaker, if any. The first call starts the worker, and
/// its `report` is the one called (at most once a run) when no speaker
/// is found or the speaker fails.
pub fn say(text: &str, command: Option<&str>, report: impl Fn(String) + Send + 'static) {
    let worker = WORKER.get_or_init(|| start(Box::new(report)));
    let Some(worker) = worker else { return };
    worker.pending.fetch_add(1, Ordering::SeqCst);
    let cue = Cue {
        text: text.to_owned(),
        command: command.map(str::to_owned),
    };
    if worker.tx.send(cue).is_err() {
        worker.pending.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Waits, at most `limit`, until the worker has started saying every cue
/// handed to it: for a front-end about to exit, so its last cue is said.
pub fn flush(limit: Duration) {
    let Some(Some(worker)) = WORKER.get() else {
        return;
    };
    let deadline = Instant::now() + limit;
    while worker.pending.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        thread::sleep(POLL / 5);
    }
}

/// Starts the worker; none when no thread can be started (cues are then
/// dropped rather than blocking anybody).
fn start(report: Report) -> Option<Worker> {
    let (tx, rx) = mpsc::channel();
    let pending = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&pending);
    thread::Builder::new()
        .name("speech".into())
        .spawn(move || work(&rx, &count, &report))
        .ok()?;
    Some(Worker { tx, pending })
}

/// The speaker saying the current cue, and since when.
struct Speaking {
    child: Child,
    since: Instant,
    name: String,
}

fn work(rx: &Receiver<Cue>, pending: &AtomicUsize, report: &Report) {
    let mut speaking: Option<Speaking> = None;
    let mut reported = false;
    let mut fail = |reason: String| {
        if !reported {
            reported = true;
            report(reason);
        }
    };
    loop {
        let next = if speaking.is_some() {
            match rx.recv_timeout(POLL) {
                Ok(cue) => Some(cue),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        } else {
            match rx.recv() {
                Ok(cue) => Some(cue),
                Err(_) => return,
            }
        };
        if let Some(mut cue) = next {
            // Only the newest cue matters: the others are out of date.
            while let Ok(newer) = rx.try_recv() {
                pending.fetch_sub(1, Ordering::SeqCst);
                cue = newer;
            }
            if let Some(mut old) = speaking.take() {
                stop(&mut old.child);
            }
            match speak(&cue) {
                Ok(started) => speaking = Some(started),
                Err(reason) => fail(reason),
            }
            // Counted as started only once its speaker runs: `flush` waits
            // for this, so an exiting front-end never drops its last cue.
            pending.fetch_sub(1, Ordering::SeqCst);
            continue;
        }
        if let Some(current) = speaking.as_mut() {
            match current.child.try_wait() {
                Ok(None) if current.since.elapsed() < SPEAK_LIMIT => {}
                Ok(None) => {
                    stop(&mut current.child);
                    let limit = SPEAK_LIMIT.as_secs();
                    fail(format!("{} did not finish within {limit} s", current.name));
                    speaking = None;
                }
                Ok(Some(status)) => {
                    if !status.success() {
                        fail(format!("{} failed ({status})", current.name));
                    }
                    speaking = None;
                }
                Err(err) => {
                    fail(format!("{}: {err}", current.name));
                    speaking = None;
                }
            }
        }
    }
}

fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Starts the speaker on `cue`. Its output goes nowhere: a plain
/// front-end's stdout is the dialogue.
fn speak(cue: &Cue) -> Result<Speaking, String> {
    let (program, args) = speaker(cue.command.as_deref())?;
    let name = Path::new(&program)
        .file_name()
        .map_or_else(|| program.clone(), |n| n.to_string_lossy().into_owned());
    let name = safe::shown(&name).into_owned();
    // A cue starting with `-` would be read as an option.
    let text = cue.text.trim_start_matches('-');
    let child = Command::new(&program)
        .args(args)
        .arg(text)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => format!("{name} is not installed"),
            _ => format!("{name} could not start: {err}"),
        })?;
    Ok(Speaking {
        child,
        since: Instant::now(),
        name,
    })
}

/// The program and its arguments: the configured command, else the first
/// known speaker on `PATH`.
fn speaker(command: Option<&str>) -> Result<(String, Vec<String>), String> {
    if let Some(command) = command {
        let mut words = command.split_whitespace().map(str::to_owned);
        let program = words
            .next()
            .ok_or_else(|| "the speech command is empty".to_owned())?;
        return Ok((program, words.collect()));
    }
    SPEAKERS
        .iter()
        .find_map(|name| on_path(name))
        .map(|path| (path.to_string_lossy().into_owned(), Vec::new()))
        .ok_or_else(|| format!("no speaker found: install one of {}", SPEAKERS.join(", ")))
}

/// `name` in a folder of `PATH`, when it is there and can be run.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| candidates(&dir, name))
        .find(|file| runnable(file))
}

#[cfg(windows)]
fn candidates(dir: &Path, name: &str) -> Vec<PathBuf> {
    vec![dir.join(format!("{name}.exe")), dir.join(name)]
}

#[cfg(not(windows))]
fn candidates(dir: &Path, name: &str) -> Vec<PathBuf> {
    vec![dir.join(name)]
}

#[cfg(unix)]
fn runnable(file: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn runnable(file: &Path) -> bool {
    file.is_file()
}
