//! Entry point: parse the command line, resolve folders, load content, and
//! run the chosen command.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use backcoach::app::{self, App, Opening, therapy};
use backcoach::cli::folders::{content_dir, data_dir, open_store};
use backcoach::cli::output::{say_error, write_stdout};
use backcoach::cli::usage_error::{printable, usage_line};
use backcoach::cli::{
    Cli, Command, generate, history_command, history_print, reminder_commands, report_command,
};
use backcoach::content::catalog::Content;
use backcoach::content::load;
use backcoach::content::problem::Problem;
use backcoach::content::source::{self, Source};
use backcoach::domain::recent;
use backcoach::domain::record::Record;
use backcoach::domain::therapy::Running;
use backcoach::runtime;
use backcoach::runtime::plain::Flow;
use backcoach::store::Store;
use backcoach::store::lock::LockError;
use backcoach::store::therapy::{load_running, take_running};
use backcoach::text::{counted, safe};

/// Exit code for a bad command line or bad input that stops start-up.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err, &args),
    };
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            // Messages may echo an id from the command line.
            say_error(&printable(&format!("backcoach: {message}")));
            ExitCode::from(USAGE)
        }
    }
}

/// Help and version go to stdout with exit 0; anything else is one line on
/// stderr (naming the argument, the valid values and the subcommand's
/// `--help`) and exit 2. `args` is the command line clap read.
fn usage_error(err: &clap::Error, args: &[OsString]) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => match err.print() {
            Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                say_error(&format!("backcoach: cannot write to stdout: {err}"));
                ExitCode::FAILURE
            }
            _ => ExitCode::SUCCESS,
        },
        _ => {
            say_error(&usage_line(err, args));
            ExitCode::from(USAGE)
        }
    }
}

/// `backcoach help [COMMAND...]`: the same as `backcoach COMMAND... --help`.
fn help(command: &[String]) -> ExitCode {
    let args: Vec<OsString> = std::iter::once("backcoach")
        .chain(command.iter().map(String::as_str))
        .chain(std::iter::once("--help"))
        .map(OsString::from)
        .collect();
    match Cli::try_parse_from(&args) {
        Err(err) => usage_error(&err, &args),
        // `--help` always stops the parse; nothing else to do.
        Ok(_) => ExitCode::SUCCESS,
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    // Commands that need no content answer before it is loaded; the
    // generated files and help touch no data folder either.
    match &cli.command {
        Some(Command::Help { command }) => return Ok(help(command)),
        Some(Command::Completions { shell }) => {
            return Ok(write_stdout(&generate::completions(*shell)));
        }
        Some(Command::Man) => {
            let page =
                generate::man_page().map_err(|err| format!("cannot render the man page: {err}"))?;
            return Ok(write_stdout(&page));
        }
        Some(command) => {
            if let Some(done) =
                reminder_commands::run(command, cli.data_dir.as_deref(), cli.config.as_deref())
            {
                return done;
            }
        }
        _ => {}
    }
    let content_dir = content_dir(cli.content.as_deref())?;
    let front = Front {
        plain: cli.plain_mode(),
        speak: cli.speak,
    };
    let open = |opening| {
        let folders = Folders {
            content: content_dir.as_deref(),
            data: cli.data_dir.as_deref(),
            config: cli.config.as_deref(),
        };
        interactive(folders, opening, front)
    };
    match cli.command {
        Some(Command::Check { paths }) => Ok(check(content_dir.as_deref(), &paths)),
        None => open(None),
        Some(Command::Release { technique }) => open(Some(Opening::Release(technique))),
        // The warnings review in plain text is the print-out.
        Some(Command::Safety { print }) if print || front.plain => {
            print_warnings(content_dir.as_deref())
        }
        Some(Command::Safety { .. }) => open(Some(Opening::Warnings)),
        Some(Command::Session { routine }) => {
            open(Some(routine.map_or(Opening::Routines, Opening::Routine)))
        }
        Some(Command::History {
            format,
            kind,
            since,
            until,
        }) => {
            let options = history_print::Options {
                format,
                kind,
                since,
                until,
                zone: chrono::Local,
            };
            let user: Vec<PathBuf> = content_dir.iter().cloned().collect();
            let content = load_all(&user).map_err(|problems| problems.len());
            let dir = data_dir(cli.data_dir.as_deref())?;
            history_command::run(content, &dir, options, runtime::now().wall)
        }
        Some(Command::Report {
            format,
            since,
            until,
        }) => {
            let content = load_all(content_dir.as_slice()).map_err(|p| p.len());
            let dir = data_dir(cli.data_dir.as_deref())?;
            report_command::run(content, &dir, (since, until), format, runtime::now().wall)
        }
        Some(Command::Timer { mode, duration }) => {
            open(Some(Opening::Timer(mode.into(), duration)))
        }
        // Answered above, before any content is loaded.
        Some(
            Command::Status
            | Command::Config { .. }
            | Command::Standup { .. }
            | Command::Quiet { .. }
            | Command::Remind { .. }
            | Command::Help { .. }
            | Command::Completions { .. }
            | Command::Man,
        ) => Ok(ExitCode::SUCCESS),
    }
}

/// Built-in content plus each given path (or the user folder).
fn gather(user_paths: &[PathBuf]) -> (Vec<Source>, Vec<Problem>) {
    let mut sources = source::builtin();
    let mut problems = Vec::new();
    for path in user_paths {
        let (found, trouble) = source::read_path(path);
        sources.extend(found);
        problems.extend(trouble);
    }
    (sources, problems)
}

fn load_all(user_paths: &[PathBuf]) -> Result<Content, Vec<Problem>> {
    let (sources, mut problems) = gather(user_paths);
    match load::load(&sources) {
        Ok(content) if problems.is_empty() => Ok(content),
        Ok(_) => Err(problems),
        Err(found) => {
            problems.extend(found);
            Err(problems)
        }
    }
}

fn print_problems(problems: &[Problem]) {
    for problem in problems {
        say_error(&problem.to_string());
    }
    say_error(&format!("{} found", counted(problems.len(), "problem")));
}

fn check(content_dir: Option<&Path>, paths: &[PathBuf]) -> ExitCode {
    let user: Vec<PathBuf> = if paths.is_empty() {
        content_dir.map(Path::to_path_buf).into_iter().collect()
    } else {
        paths.to_vec()
    };
    match load_all(&user) {
        Ok(content) => write_stdout(format!("{}\n", content.summary_line()).as_bytes()),
        Err(problems) => {
            print_problems(&problems);
            ExitCode::FAILURE
        }
    }
}

/// `backcoach safety --print`: the warnings as plain text on stdout.
fn print_warnings(content_dir: Option<&Path>) -> Result<ExitCode, String> {
    let user: Vec<PathBuf> = content_dir.map(Path::to_path_buf).into_iter().collect();
    let content = match load_all(&user) {
        Ok(content) => content,
        Err(problems) => {
            print_problems(&problems);
            return Ok(ExitCode::from(USAGE));
        }
    };
    let text = backcoach::domain::warnings::plain_text(&content);
    Ok(write_stdout(safe::shown_lines(&text).as_bytes()))
}

/// How an interactive command runs: full screen or plain, and whether it
/// speaks its cues this run.
#[derive(Debug, Clone, Copy)]
struct Front {
    plain: bool,
    speak: bool,
}

/// The folders the command line named.
#[derive(Debug, Clone, Copy)]
struct Folders<'a> {
    content: Option<&'a Path>,
    data: Option<&'a Path>,
    config: Option<&'a Path>,
}

/// The full-screen app, or its plain front-end, on `opening`.
fn interactive(
    folders: Folders,
    opening: Option<Opening>,
    front: Front,
) -> Result<ExitCode, String> {
    let user: Vec<PathBuf> = folders.content.map(Path::to_path_buf).into_iter().collect();
    let content = match load_all(&user) {
        Ok(content) => content,
        Err(problems) => {
            print_problems(&problems);
            return Ok(ExitCode::from(USAGE));
        }
    };
    // Unknown ids on the command line are usage errors, reported before
    // anything else happens.
    if let Some(opening) = &opening {
        app::opening::check(&content, opening)?;
    }
    let store = open_store(folders.data, folders.config)?;
    let flow = Flow::of(opening.as_ref());
    let no_terminal = !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal();
    if no_terminal && !front.plain {
        return Err("the full-screen coach needs a terminal (try `backcoach --help`)".to_owned());
    }
    // One owner of the alarms per data folder: held until the process ends.
    let mut notices: Vec<String> = Vec::new();
    let _lock = match store.lock_app() {
        Ok(held) => Some(held),
        Err(err @ LockError::Held { .. }) => {
            return Err(format!(
                "another backcoach is already open{} on this data folder",
                err.holder()
            ));
        }
        Err(err @ LockError::Io { .. }) => {
            notices.push(format!(
                "Could not lock the data folder ({err}): another window on it could ring the alarms too."
            ));
            None
        }
    };
    let loaded = store.load_settings(runtime::now().wall);
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = App::new(content, loaded.settings, color && !front.plain);
    // For this run only: a settings save changes only what it changes.
    app.settings.speech.enabled |= front.speak;
    app.reminder.speak_flag = front.speak;
    app.opening = opening;
    app.notice = loaded.notice;
    let now = runtime::now();
    notices.extend(app.notice.take());
    notices.extend(store.notice().map(str::to_owned));
    // Only the recent records: start-up costs the same whatever the
    // history's size.
    let running = take_running(&store, now.wall);
    notices.extend(running.notice);
    let started = running.running.as_ref().map(|r| r.started);
    let since = recent::since(&now.wall, app.content.moderation.window_days, started);
    let records = match store.load_recent::<Record>(since, now.wall) {
        Ok(history) => {
            notices.extend(history.notice());
            history.records
        }
        Err(err) => {
            notices.push(format!("Could not read the history log: {err}"));
            Vec::new()
        }
    };
    app::safety::absorb(&mut app, &records);
    app::programme::absorb(&mut app, &records);
    boot_therapy(&mut app, running.running, &records, &mut notices);
    let schedule = store.load_schedule(now.wall);
    notices.extend(schedule.notice);
    let stood_up = records.iter().filter_map(Record::stood_up_at).collect();
    app::reminder::start(&mut app, schedule.schedule, stood_up, now);
    let (quiet, notice) = store.load_quiet(now.wall);
    app.reminder.quiet.quiet = quiet;
    notices.extend(notice);
    notices.extend(app.notice.take());
    if !notices.is_empty() {
        app.notice = Some(notices.join(" "));
    }
    let code = if front.plain {
        runtime::plain::run(app, &store, flow).or_else(|err| {
            say_error(&format!("backcoach: cannot write to stdout: {err}"));
            Ok(ExitCode::FAILURE)
        })
    } else {
        runtime::run(app, &store).map_err(|err| format!("terminal error: {err}"))
    };
    // A remind sleeping until its next reminder learns of a pack put on
    // here; it takes over once this process (and its lock) is gone.
    runtime::nudge::nudge(store.dir());
    let code = code?;
    say_still_running(&store);
    Ok(code)
}

/// The running heat/cold session, if any: the timer opens on it.
fn boot_therapy(
    app: &mut App,
    running: Option<Running>,
    records: &[Record],
    notices: &mut Vec<String>,
) {
    therapy::boot(app, therapy::Boot::new(running, records), runtime::now());
    notices.extend(app.notice.take());
}

/// After the screen is restored: a pack left on must not be forgotten,
/// nor whether anything will ring its alarm.
fn say_still_running(store: &Store) {
    let Ok(Some(running)) = load_running(store) else {
        return;
    };
    let now = runtime::now();
    let status = running.status_at(&now.wall, now.boot);
    let then = if running.alarm_rung {
        "take it off now".to_owned()
    } else if store.remind_watching() {
        let left = running.remaining_at(&now.wall, now.boot);
        let ends = (now.wall + left).format("%H:%M");
        format!("backcoach remind will ring the alarm at {ends}")
    } else {
        "nothing will ring the alarm: run backcoach again, or backcoach remind".to_owned()
    };
    say_error(&format!("backcoach: {status}; {then}"));
}
