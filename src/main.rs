//! Entry point: parse the command line, resolve folders, load content, and
//! run the chosen command.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use backcoach::app::{self, App};
use backcoach::cli::{Cli, Command};
use backcoach::content::catalog::Content;
use backcoach::content::load;
use backcoach::content::problem::Problem;
use backcoach::content::source::{self, Source};
use backcoach::runtime;
use backcoach::store::Store;
use backcoach::store::record::load_stood_up;
use backcoach::{remind, status};

/// Exit code for a bad command line or bad input that stops start-up.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            say_error(&format!("backcoach: {message}"));
            ExitCode::from(USAGE)
        }
    }
}

/// Help and version go to stdout with exit 0; anything else is one line on
/// stderr and exit 2.
fn usage_error(err: &clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            ExitCode::SUCCESS
        }
        _ => {
            let rendered = err.render().to_string();
            let first = rendered
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("invalid command line")
                .trim_start_matches("error: ");
            say_error(&format!("backcoach: {first} (see backcoach --help)"));
            ExitCode::from(USAGE)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    // The reminder commands need no content: answer before loading it.
    match cli.command {
        Some(Command::Status) => {
            status::run(data_dir(cli.data_dir.as_deref()).ok().as_deref());
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Remind {
            every,
            once,
            anytime,
        }) => {
            let dir = data_dir(cli.data_dir.as_deref())?;
            let store = Store::open(&dir)
                .map_err(|err| format!("cannot open data folder {}: {err}", dir.display()))?;
            let options = remind::Options {
                every,
                once,
                anytime,
            };
            return remind::run(&store, &options);
        }
        _ => {}
    }
    let content_dir = content_dir(cli.content.as_deref())?;
    match cli.command {
        Some(Command::Check { paths }) => Ok(check(content_dir.as_deref(), &paths)),
        Some(Command::Status | Command::Remind { .. }) => Ok(ExitCode::SUCCESS),
        None => full_screen(content_dir.as_deref(), cli.data_dir.as_deref()),
    }
}

/// `--content`, else `BACKCOACH_CONTENT_DIR`, else `content/` in the config
/// folder. A folder named explicitly must exist; the default may not.
fn content_dir(flag: Option<&Path>) -> Result<Option<PathBuf>, String> {
    let named = flag
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("BACKCOACH_CONTENT_DIR").map(PathBuf::from));
    if let Some(dir) = named {
        return if dir.is_dir() {
            Ok(Some(dir))
        } else {
            Err(format!("content folder {} does not exist", dir.display()))
        };
    }
    Ok(directories::ProjectDirs::from("", "", "backcoach")
        .map(|dirs| dirs.config_dir().join("content"))
        .filter(|dir| dir.is_dir()))
}

fn data_dir(flag: Option<&Path>) -> Result<PathBuf, String> {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("BACKCOACH_DATA_DIR").map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "backcoach").map(|d| d.data_dir().to_path_buf())
        })
        .ok_or_else(|| {
            "cannot find a data folder (no home folder?); pass --data-dir DIR".to_owned()
        })
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

/// Writes a line to stderr. Unlike `eprintln!`, never panics when stderr
/// is gone (a closed terminal, a closed pipe).
fn say_error(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn print_problems(problems: &[Problem]) {
    for problem in problems {
        say_error(&problem.to_string());
    }
    let n = problems.len();
    say_error(&format!(
        "{n} problem{} found",
        if n == 1 { "" } else { "s" }
    ));
}

fn check(content_dir: Option<&Path>, paths: &[PathBuf]) -> ExitCode {
    let user: Vec<PathBuf> = if paths.is_empty() {
        content_dir.map(Path::to_path_buf).into_iter().collect()
    } else {
        paths.to_vec()
    };
    match load_all(&user) {
        Ok(content) => {
            let _ = writeln!(std::io::stdout(), "{}", content.summary_line());
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_problems(&problems);
            ExitCode::FAILURE
        }
    }
}

fn full_screen(content_dir: Option<&Path>, data_flag: Option<&Path>) -> Result<ExitCode, String> {
    let user: Vec<PathBuf> = content_dir.map(Path::to_path_buf).into_iter().collect();
    let content = match load_all(&user) {
        Ok(content) => content,
        Err(problems) => {
            print_problems(&problems);
            return Ok(ExitCode::from(USAGE));
        }
    };
    let dir = data_dir(data_flag)?;
    let store = Store::open(&dir)
        .map_err(|err| format!("cannot open data folder {}: {err}", dir.display()))?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err("the full-screen coach needs a terminal (try `backcoach --help`)".to_owned());
    }
    let loaded = store.load_settings(runtime::now().wall);
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = App::new(content, loaded.settings, color);
    app.notice = loaded.notice;
    let now = runtime::now();
    let schedule = store.load_schedule(now.wall);
    let (stood_up, history_notice) = load_stood_up(&store, now.wall);
    app::reminder::start(&mut app, schedule.schedule, stood_up, now);
    let notices = [app.notice.take(), schedule.notice, history_notice];
    let notices: Vec<String> = notices.into_iter().flatten().collect();
    app.notice = (!notices.is_empty()).then(|| notices.join(" "));
    runtime::run(app, &store).map_err(|err| format!("terminal error: {err}"))
}
