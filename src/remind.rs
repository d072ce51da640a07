//! `backcoach remind`: the stand-up reminder without the full screen. This
//! is the impure shell of that command: it reads the clock, sleeps once per
//! reminder (no wake-ups in between), and writes the terminal and the disk.
//! The schedule itself is the pure `domain::reminder`.

use std::io::{IsTerminal, Write, stderr, stdout};
use std::process::ExitCode;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local, TimeDelta};

use crate::domain::reminder::{ASK, TITLE};
use crate::domain::reminder::{Check, Rules, Schedule};
use crate::domain::reminder_settings::ReminderSettings;
use crate::notify;
use crate::runtime::signals;
use crate::store::Store;
use crate::time::words::{self, Precision};

/// What `remind` was asked to do.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Interval override for this run.
    pub every: Option<TimeDelta>,
    /// Exit after one reminder.
    pub once: bool,
    /// Ignore active hours.
    pub anytime: bool,
}

enum Event {
    Signal(i32),
    Desktop(Result<(), String>),
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

fn say(line: &str) {
    let _ = writeln!(stderr(), "{line}");
}

fn rules(settings: &ReminderSettings, options: &Options) -> Rules {
    let rules = settings.rules(options.anytime);
    Rules {
        interval: options.every.unwrap_or(rules.interval),
        ..rules
    }
}

/// Runs until Ctrl-C (or after one reminder with `--once`).
pub fn run(store: &Store, options: &Options) -> Result<ExitCode, String> {
    let (tx, rx) = mpsc::channel();
    signals::watch(&signals::ENDING, tx.clone(), Event::Signal, None)
        .map_err(|err| format!("cannot watch signals: {err}"))?;
    let loaded = store.load_settings(Local::now());
    if let Some(notice) = loaded.notice {
        say(&format!("backcoach: {notice}"));
    }
    let mut settings = loaded.settings.reminder;
    if !settings.enabled {
        return Err(
            "the stand-up reminder is off; turn it on in the app (Stand-up reminder) first"
                .to_owned(),
        );
    }
    let loaded = store.load_schedule(Local::now());
    if let Some(notice) = loaded.notice {
        say(&format!("backcoach: {notice}"));
    }
    let mut schedule = match loaded.schedule {
        Some(schedule) => schedule,
        None => {
            let schedule = Schedule::start(now());
            save(store, &schedule);
            schedule
        }
    };
    let mut desktop_ok = true;
    let mut told: Option<DateTime<FixedOffset>> = None;
    loop {
        // The app may have changed the settings or answered a reminder.
        if let Ok(fresh) = store.peek_settings() {
            settings = fresh.reminder;
        }
        if !settings.enabled {
            say("backcoach: the stand-up reminder was turned off; stopping");
            return Ok(ExitCode::SUCCESS);
        }
        if let Ok(Some(fresh)) = store.peek_schedule() {
            schedule = fresh;
        }
        let rules = rules(&settings, options);
        let now = now();
        let wait = match schedule.check(&rules, now, false) {
            Check::Never => {
                return Err("nothing will ever fire: no active weekday, or active hours shorter than the interval (try --anytime)".to_owned());
            }
            Check::Fire(_) | Check::Deferred(_) => {
                remind(&settings, now, &tx, desktop_ok);
                // The user was told: the interval restarts from now.
                schedule.restart(now);
                save(store, &schedule);
                if options.once {
                    return Ok(finish_once(&rx, &settings, desktop_ok));
                }
                continue;
            }
            Check::Waiting(due) => {
                if told != Some(due) {
                    told = Some(due);
                    let when = if rules.interval < TimeDelta::minutes(1) {
                        due.format("%H:%M:%S").to_string()
                    } else {
                        words::when(due, now)
                    };
                    say(&format!(
                        "backcoach: next stand-up reminder: {when} ({}); Ctrl-C stops",
                        words::in_words(due - now, Precision::Seconds)
                    ));
                }
                // One sleep until the due time; a suspend can make it end
                // late, a clock change early: the loop checks again.
                (due - now).to_std().unwrap_or_default()
            }
        };
        match rx.recv_timeout(wait) {
            Ok(Event::Signal(signal)) => return Ok(exit_for_signal(signal)),
            Ok(Event::Desktop(Err(reason))) if desktop_ok => {
                desktop_ok = false;
                say(&format!(
                    "backcoach: desktop notifications are unavailable ({reason}); carrying on without them"
                ));
            }
            Ok(Event::Desktop(_)) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(ExitCode::FAILURE),
        }
    }
}

/// With `--once`, waits for a desktop notification to go out (or fail) so
/// its outcome can be reported before exiting.
fn finish_once(
    rx: &mpsc::Receiver<Event>,
    settings: &ReminderSettings,
    desktop_ok: bool,
) -> ExitCode {
    if !(settings.desktop_notification && desktop_ok) {
        return ExitCode::SUCCESS;
    }
    match rx.recv_timeout(notify::DESKTOP_TIMEOUT + Duration::from_secs(1)) {
        Ok(Event::Signal(signal)) => exit_for_signal(signal),
        Ok(Event::Desktop(Err(reason))) => {
            say(&format!(
                "backcoach: desktop notifications are unavailable ({reason})"
            ));
            ExitCode::SUCCESS
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Prints the timestamped line, rings the bell, sends notifications.
fn remind(
    settings: &ReminderSettings,
    now: DateTime<FixedOffset>,
    tx: &Sender<Event>,
    desktop_ok: bool,
) {
    let mut out = stdout();
    let bell = if settings.bell { "\x07" } else { "" };
    let _ = writeln!(
        out,
        "{} {TITLE}: {ASK}{bell}",
        now.format("%Y-%m-%d %H:%M:%S")
    );
    if settings.terminal_notification && out.is_terminal() {
        let in_tmux = std::env::var_os("TMUX").is_some();
        let _ = out.write_all(&notify::terminal_sequence(TITLE, ASK, in_tmux));
    }
    let _ = out.flush();
    if settings.desktop_notification && desktop_ok {
        let tx = tx.clone();
        notify::desktop(TITLE, ASK, move |result| {
            let _ = tx.send(Event::Desktop(result));
        });
    }
}

fn save(store: &Store, schedule: &Schedule) {
    if let Err(err) = store.save_schedule(schedule) {
        say(&format!(
            "backcoach: could not save the reminder schedule: {err}"
        ));
    }
}

fn exit_for_signal(signal: i32) -> ExitCode {
    ExitCode::from(signals::exit_code(signal))
}
