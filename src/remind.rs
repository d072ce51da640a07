//! `backcoach remind`: the alarms without the full screen. It rings the
//! stand-up reminder and, for a running heat/cold application, the
//! time-up alarm; but only while no full-screen app is open on the same
//! data folder (one owner of the alarms: the app rings while it runs, and
//! this takes over when it closes). This is the impure shell of that
//! command: it reads the clocks, sleeps until the next thing to ring (no
//! wake-ups in between), and writes the terminal and the disk. The rules
//! are the pure `domain::reminder` and `domain::therapy::alarm`.

mod alarm;
mod waiter;

use std::io::{self, IsTerminal, Write, stderr, stdout};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::domain::quiet;
use crate::domain::reminder::{ASK, TITLE};
use crate::domain::reminder::{Check, Rules, Schedule};
use crate::domain::reminder_settings::ReminderSettings;
use crate::domain::therapy::alarm::Watch;
use crate::runtime::{self, nudge, signals};
use crate::store::Store;
use crate::store::lock::LockError;
use crate::store::therapy::load_running;
use crate::time::words::{self, Precision};
use crate::{notify, probe};

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

/// What wakes the loop besides its own timeout.
enum Event {
    Signal(i32),
    Desktop(Result<(), String>),
    /// The full-screen app that held the folder has closed.
    AppClosed,
    /// The app says it is closing: look again (a pack may be on).
    Nudged,
}

/// How often to look when the app cannot nudge (no socket): a pack put on
/// in the app is then rung at most this late.
const LOOK_EVERY: Duration = Duration::from_secs(60);

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

/// What the loop keeps between wakes.
struct Remind<'a> {
    store: &'a Store,
    options: &'a Options,
    tx: Sender<Event>,
    settings: ReminderSettings,
    schedule: Option<Schedule>,
    desktop_ok: bool,
    told: Option<DateTime<FixedOffset>>,
    watch: Watch,
    waiting_for_app: bool,
    said_app_open: bool,
    /// The app's nudge reaches this remind (else it looks periodically).
    nudgeable: bool,
    /// `reminder.quiet_while` commands.
    quiet_while: Vec<String>,
    /// One of them said busy: the due reminder waits until then.
    held_until: Option<DateTime<FixedOffset>>,
}

/// Runs until Ctrl-C (or after one stand-up reminder with `--once`).
pub fn run(store: &Store, options: &Options) -> Result<ExitCode, String> {
    let _lock = match store.lock_remind() {
        Ok(held) => Some(held),
        Err(err @ LockError::Held { .. }) => {
            return Err(format!(
                "another backcoach remind is already running{} on this data folder",
                err.holder()
            ));
        }
        Err(err @ LockError::Io { .. }) => {
            say(&format!(
                "backcoach: {err}; carrying on without it (a second remind could ring too)"
            ));
            None
        }
    };
    let (tx, rx) = mpsc::channel();
    signals::watch(&signals::ENDING, tx.clone(), Event::Signal, None)
        .map_err(|err| format!("cannot watch signals: {err}"))?;
    let wall = runtime::now().wall;
    let loaded = store.load_settings(wall);
    if let Some(notice) = loaded.notice {
        say(&format!("backcoach: {notice}"));
    }
    let settings = loaded.settings.reminder;
    let quiet_while = loaded.settings.quiet_while;
    if !settings.enabled && !matches!(load_running(store), Ok(Some(_))) {
        return Err(
            "the stand-up reminder is off; turn it on in the app (Stand-up reminder) or with `backcoach config set reminder.enabled true`"
                .to_owned(),
        );
    }
    let loaded = store.load_schedule(wall);
    if let Some(notice) = loaded.notice {
        say(&format!("backcoach: {notice}"));
    }
    let nudgeable = nudge::listen(store.dir(), tx.clone(), || Event::Nudged);
    let mut remind = Remind {
        store,
        options,
        tx,
        settings,
        schedule: loaded.schedule,
        desktop_ok: true,
        told: None,
        watch: Watch::default(),
        waiting_for_app: false,
        said_app_open: false,
        nudgeable,
        quiet_while,
        held_until: None,
    };
    let code = remind.run(&rx);
    nudge::forget(store.dir());
    code
}

impl Remind<'_> {
    fn run(&mut self, rx: &Receiver<Event>) -> Result<ExitCode, String> {
        loop {
            // The app may have changed the settings, answered a reminder
            // or acknowledged an alert since the last look.
            self.reread();
            let wait = match self.store.while_no_app() {
                // The full-screen app is open: it rings; wait for it to go.
                None => {
                    self.app_open();
                    None
                }
                Some(_no_app) => {
                    // While `_no_app` lives no app can start, so nothing
                    // rings twice.
                    self.said_app_open = false;
                    match self.look()? {
                        Look::Exit(code) => return Ok(code),
                        Look::Once => return Ok(self.finish_once(rx)),
                        Look::Again => continue,
                        Look::Sleep(wait) => wait,
                    }
                }
            };
            // Without the app's nudge, look again now and then: a pack
            // may have been put on in an app opened and closed meanwhile.
            let wait = match (wait, self.nudgeable || self.waiting_for_app) {
                (wait, true) => wait,
                (Some(wait), false) => Some(wait.min(LOOK_EVERY)),
                (None, false) => Some(LOOK_EVERY),
            };
            let event = match wait {
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(wait) => rx.recv_timeout(wait),
            };
            match event {
                Ok(Event::Signal(signal)) => return Ok(exit_for_signal(signal)),
                Ok(Event::Desktop(Err(reason))) if self.desktop_ok => {
                    self.desktop_ok = false;
                    say(&format!(
                        "backcoach: desktop notifications are unavailable ({reason}); carrying on without them"
                    ));
                }
                Ok(Event::AppClosed) => self.waiting_for_app = false,
                Ok(Event::Desktop(_) | Event::Nudged) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(ExitCode::FAILURE),
            }
        }
    }

    fn reread(&mut self) {
        if let Ok(fresh) = self.store.peek_settings() {
            self.settings = fresh.reminder;
            self.quiet_while = fresh.quiet_while;
        }
        if let Ok(Some(fresh)) = self.store.peek_schedule() {
            self.schedule = Some(fresh);
        }
    }

    /// The app holds the folder: say so once, and have a thread wait for
    /// it to close.
    fn app_open(&mut self) {
        if !self.said_app_open {
            self.said_app_open = true;
            say(
                "backcoach: the full-screen app is open and rings the alarms; taking over when it closes",
            );
        }
        if !self.waiting_for_app {
            self.waiting_for_app = true;
            waiter::spawn(self.store.clone(), self.tx.clone(), || Event::AppClosed);
        }
    }

    /// One look at the heat/cold alarm and the stand-up reminder, with no
    /// app open: ring what is due, and say how long to sleep.
    fn look(&mut self) -> Result<Look, String> {
        let now = runtime::now();
        let running = load_running(self.store).ok().flatten();
        let step = self.watch.step(running.as_ref(), now);
        if let Err(err) = alarm::perform(
            self.store,
            &step,
            &self.settings,
            &self.tx,
            self.desktop_ok,
            now.wall,
        ) {
            return Ok(stdout_failed(&err));
        }
        let therapy_wait = step
            .wake
            .map(|at| at.saturating_duration_since(Instant::now()));
        let watching = running.is_some_and(|r| !r.alarm_rung) || self.watch.ringing();
        if !self.settings.enabled {
            if !watching {
                say(
                    "backcoach: the stand-up reminder is off and no heat/cold alarm is due; stopping",
                );
                return Ok(Look::Exit(ExitCode::SUCCESS));
            }
            return Ok(Look::Sleep(therapy_wait.or(Some(Duration::from_secs(60)))));
        }
        let wall = now.wall.fixed_offset();
        let schedule = *self.schedule.get_or_insert_with(|| {
            let schedule = Schedule::start(wall);
            save(self.store, &schedule);
            schedule
        });
        let rules = rules(&self.settings, self.options);
        let quiet = self.store.peek_quiet().ok().flatten();
        let until = quiet::until(quiet.as_ref(), self.held_until, wall);
        let check = quiet::hold(schedule.check(&rules, now.wall, false), until, wall);
        let standup_wait = match check {
            // The heat/cold alarm still needs watching.
            Check::Never if watching => return Ok(Look::Sleep(therapy_wait)),
            Check::Never => {
                return Err("nothing will ever fire: no active weekday, or active hours shorter than the interval (try --anytime)".to_owned());
            }
            Check::Fire(_) | Check::Deferred(_) if probe::any_succeeds(&self.quiet_while) => {
                // Busy (a call): wait, ask again a few minutes later.
                self.held_until = Some(wall + quiet::RECHECK);
                return Ok(Look::Again);
            }
            Check::Fire(_) | Check::Deferred(_) => {
                if let Err(err) = remind(&self.settings, wall, &self.tx, self.desktop_ok) {
                    return Ok(stdout_failed(&err));
                }
                // The user was told: the interval restarts from now.
                let mut schedule = schedule;
                schedule.restart(wall);
                save(self.store, &schedule);
                self.schedule = Some(schedule);
                if self.options.once {
                    return Ok(Look::Once);
                }
                return Ok(Look::Again);
            }
            Check::Waiting(due) => {
                self.say_next(due, wall, &rules);
                // One sleep until the due time; a suspend can make it end
                // late, a clock change early: the loop checks again.
                (due - wall).to_std().unwrap_or_default()
            }
        };
        Ok(Look::Sleep(Some(
            therapy_wait.map_or(standup_wait, |t| t.min(standup_wait)),
        )))
    }

    fn say_next(&mut self, due: DateTime<FixedOffset>, now: DateTime<FixedOffset>, rules: &Rules) {
        if self.told == Some(due) {
            return;
        }
        self.told = Some(due);
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

    /// With `--once`, waits for a desktop notification to go out (or
    /// fail) so its outcome can be reported before exiting.
    fn finish_once(&self, rx: &Receiver<Event>) -> ExitCode {
        if !(self.settings.desktop_notification && self.desktop_ok) {
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
}

/// What one look decided.
enum Look {
    /// Sleep this long (`None`: until something arrives).
    Sleep(Option<Duration>),
    /// Look again at once.
    Again,
    /// The one stand-up reminder of `--once` went out: finish.
    Once,
    /// Done.
    Exit(ExitCode),
}

/// Prints the timestamped line, rings the bell, sends notifications. A
/// failed write to stdout is returned: nobody would see the reminder.
fn remind(
    settings: &ReminderSettings,
    now: DateTime<FixedOffset>,
    tx: &Sender<Event>,
    desktop_ok: bool,
) -> io::Result<()> {
    if settings.desktop_notification && desktop_ok {
        let tx = tx.clone();
        notify::desktop(TITLE, ASK, move |result| {
            let _ = tx.send(Event::Desktop(result));
        });
    }
    let mut out = stdout();
    let bell = if settings.bell { "\x07" } else { "" };
    writeln!(
        out,
        "{} {TITLE}: {ASK}{bell}",
        now.format("%Y-%m-%d %H:%M:%S")
    )?;
    if settings.terminal_notification && out.is_terminal() {
        let in_tmux = std::env::var_os("TMUX").is_some();
        out.write_all(&notify::terminal_sequence(TITLE, ASK, in_tmux))?;
    }
    out.flush()
}

/// How `remind` ends when stdout fails: quietly for a closed pipe (`|
/// head -1`), else with the reason and status 1.
fn stdout_failed(err: &io::Error) -> Look {
    if err.kind() == io::ErrorKind::BrokenPipe {
        return Look::Exit(ExitCode::SUCCESS);
    }
    say(&format!("backcoach: cannot write to stdout: {err}"));
    Look::Exit(ExitCode::FAILURE)
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
