//! `backcoach status`: one short line for a tmux status bar or a shell
//! prompt. Reads the settings and the schedule without changing anything,
//! never waits on a file (a FIFO is refused at once), prints no control
//! codes, and exits 0 whatever it finds (1 only when the line cannot be
//! written).

use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Local, TimeZone};

use crate::cli::{folders, output};
use crate::domain::quiet::Quiet;
use crate::domain::reminder::{Check, Schedule, is_active};
use crate::runtime::boot_clock;
use crate::store::therapy::load_running;
use crate::store::{Settings, Store};
use crate::text::safe;
use crate::time::words;

/// The line for these settings and schedule at `now`.
pub fn line<Tz: TimeZone>(
    settings: &Settings,
    schedule: Option<&Schedule>,
    now: DateTime<Tz>,
) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let reminder = &settings.reminder;
    if !reminder.enabled {
        return "reminder off".to_owned();
    }
    let Some(schedule) = schedule else {
        return "reminder not started".to_owned();
    };
    let rules = reminder.rules(false);
    match schedule.check(&rules, now.clone(), false) {
        Check::Never => "reminder: no active hours".to_owned(),
        Check::Fire(_) | Check::Deferred(_) => "stand up now".to_owned(),
        Check::Waiting(due) if !is_active(&rules, now.clone()) => {
            format!("off hours, next {}", words::when(due, now))
        }
        Check::Waiting(due) => format!("stand up in {}", words::compact(due - now.fixed_offset())),
    }
}

/// Prints the line for the data folder `dir` (`None` when none is known),
/// with the preferences of the config folder `config` names (see
/// [`folders::config_dir`]).
pub fn run(dir: Option<&Path>, config: Option<&Path>) -> ExitCode {
    let text = match dir {
        None => "reminder: no data folder".to_owned(),
        // Not created here: a status line must not change anything.
        Some(dir) if !dir.is_dir() => "reminder not started".to_owned(),
        Some(dir) => read(dir, &folders::config_dir(config, dir)),
    };
    output::write_stdout(format!("{}\n", safe::shown(&text)).as_bytes())
}

fn read(dir: &Path, config: &Path) -> String {
    let Ok(store) = Store::open_to_read(dir) else {
        return "reminder: data folder unreadable".to_owned();
    };
    let store = store.with_config_dir(config);
    let now = Local::now();
    let therapy = match load_running(&store) {
        Ok(running) => running.map(|r| r.status_at(&now.fixed_offset(), boot_clock::read())),
        Err(_) => Some("heat/cold timer unreadable".to_owned()),
    };
    let reminder = match (store.peek_settings(), store.peek_schedule()) {
        (Ok(settings), Ok(schedule)) => {
            let quiet = store.peek_quiet().ok().flatten();
            quieted(quiet.as_ref(), now, line(&settings, schedule.as_ref(), now))
        }
        (Err(_), _) => "reminder: settings unreadable".to_owned(),
        (_, Err(_)) => "reminder: schedule unreadable".to_owned(),
    };
    with_therapy(therapy, reminder)
}

/// While stand-up alerts are quiet, the line says until when.
pub fn quieted(quiet: Option<&Quiet>, now: DateTime<Local>, line: String) -> String {
    match quiet {
        Some(q) if q.active(now.fixed_offset()) && line != "reminder off" => format!(
            "quiet until {}",
            q.until.with_timezone(&Local).format("%H:%M")
        ),
        _ => line,
    }
}

/// A running heat/cold application comes first: the pack on the skin is
/// the more urgent thing to know about.
pub fn with_therapy(therapy: Option<String>, reminder: String) -> String {
    match therapy {
        Some(therapy) => format!("{therapy} · {reminder}"),
        None => reminder,
    }
}
