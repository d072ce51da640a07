//! Running a small outside command with a time limit, off the caller's
//! thread: `reminder.quiet_while` commands (`pgrep -x zoom`) and the
//! away-from-keyboard probes (`tmux display`, `loginctl show-session`).
//! Desktop notifications (`notify-send`) go through it too. A command
//! that is missing, fails to start or outlives its limit is an error,
//! never a hang; no shell is involved.

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long a probe may take.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(2);
const POLL: Duration = Duration::from_millis(20);

/// What a command did: whether it exited 0, and what it printed (at most
/// a few KB are kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    /// Exit status 0.
    pub success: bool,
    /// How it exited, as a person reads it ("exit status: 1").
    pub status: String,
    /// Its standard output, lossily decoded.
    pub stdout: String,
}

/// Most bytes of output kept.
const MAX_OUTPUT: u64 = 16 * 1024;

/// Runs `words` (program, then arguments) and waits at most `limit`.
pub fn run(words: &[&str], limit: Duration) -> Result<Ran, String> {
    let (program, args) = words.split_first().ok_or("an empty command")?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => format!("{program} is not installed"),
            _ => format!("{program} could not start: {err}"),
        })?;
    let stdout = child.stdout.take();
    // Read on a thread: a command that fills the pipe still finishes.
    let reader = thread::Builder::new()
        .name("probe-out".into())
        .spawn(move || {
            let mut text = Vec::new();
            if let Some(out) = stdout {
                let _ = out.take(MAX_OUTPUT).read_to_end(&mut text);
            }
            String::from_utf8_lossy(&text).into_owned()
        })
        .ok();
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{program} did not finish within {} s",
                    limit.as_secs()
                ));
            }
            Ok(None) => thread::sleep(POLL),
            Err(err) => return Err(format!("{program}: {err}")),
        }
    };
    let stdout = reader.and_then(|r| r.join().ok()).unwrap_or_default();
    Ok(Ran {
        success: status.success(),
        status: status.to_string(),
        stdout,
    })
}

/// True when any of `commands` (each a command line split on spaces)
/// exits 0 within the limit; they run one after another, so the caller
/// runs this on a worker (the app) or where waiting is fine (`remind`).
pub fn any_succeeds(commands: &[String]) -> bool {
    commands.iter().any(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        run(&words, PROBE_TIMEOUT).is_ok_and(|ran| ran.success)
    })
}
