//! The command line: global options, subcommands and the checks on each
//! flag's value.

pub mod config_command;
pub mod folders;
pub mod generate;
pub mod history_command;
pub mod history_csv;
pub mod history_digits;
pub mod history_json;
pub mod history_print;
mod history_table;
pub mod output;
pub mod quiet_command;
pub mod reminder_commands;
pub mod report_command;
pub mod standup_command;
pub mod usage_error;

use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::time::Duration;

use chrono::TimeDelta;
use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::content::model::TherapyKind;
use crate::content::validate::THERAPY_CAP_MINUTES;
use crate::domain::therapy::CAP;
use crate::time::duration;

/// A full-screen terminal back-care coach. A coach, not a diagnosis.
#[derive(Debug, Parser)]
#[command(
    name = "backcoach",
    version,
    about,
    long_about = None,
    // Our own `help` subcommand, so that `backcoach help --help` works.
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Folder of user content (.ron files) that adds to or replaces the
    /// built-in content by id [env: BACKCOACH_CONTENT_DIR; default: the
    /// `content` folder in your config folder]
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    /// Folder for settings and history [env: BACKCOACH_DATA_DIR; default:
    /// your platform's data folder]
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Folder of `config.ron`, the preferences [env: BACKCOACH_CONFIG_DIR;
    /// default: your platform's config folder]
    #[arg(long, value_name = "DIR", global = true)]
    pub config: Option<PathBuf>,

    /// Plain text, line by line, instead of the full screen: no colour,
    /// no cursor movement, no escape codes; answers are read as lines from
    /// stdin (a terminal, a pipe or a file) [env: BACKCOACH_PLAIN=1]
    #[arg(long, global = true)]
    pub plain: bool,

    /// Speak each step's short cue aloud for this run (the `speech`
    /// setting does it every run)
    #[arg(long, global = true)]
    pub speak: bool,

    /// What to do; without one, the full-screen coach opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Plain mode: `--plain`, or `BACKCOACH_PLAIN` set to anything but
    /// empty or `0`.
    pub fn plain_mode(&self) -> bool {
        self.plain || std::env::var_os("BACKCOACH_PLAIN").is_some_and(|v| !v.is_empty() && v != "0")
    }
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate content: the built-in content plus the user content folder,
    /// or plus the given files and folders instead of that folder.
    Check {
        /// Content files or folders to check.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Open the gentle self-release techniques. The safety checklist comes
    /// first whenever the gate is closed.
    Release {
        /// Open this technique (once the gate allows it).
        #[arg(value_name = "TECHNIQUE_ID")]
        technique: Option<String>,
    },
    /// Open the safety warnings review.
    Safety {
        /// Write the warnings to stdout as plain text (no escape codes), for
        /// printing or a screen reader.
        #[arg(long)]
        print: bool,
    },
    /// Start a guided session: the routine picker, or ROUTINE_ID at once.
    Session {
        /// Id of the routine to run (e.g. desk_reset).
        #[arg(value_name = "ROUTINE_ID")]
        routine: Option<String>,
    },
    /// Print the history, e.g. to share with a clinician: every machine's
    /// log, merged by time.
    History {
        /// Output format.
        #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
        format: HistoryFormat,
        /// Which records.
        #[arg(long, value_enum, default_value_t = HistoryKind::Sessions)]
        kind: HistoryKind,
        /// Only records on or after this date (YYYY-MM-DD, each record's
        /// own local date).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<chrono::NaiveDate>,
        /// Only records on or before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        until: Option<chrono::NaiveDate>,
    },
    /// One page to bring to the clinic: the programme and sessions per
    /// week, the sessions, pain before and after, stops for pain, how
    /// exercises felt and accepted dose changes, self-release, stand-ups
    /// and heat/cold (the last 4 weeks by default).
    Report {
        /// Output format (html: one self-contained page that prints well).
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// First day (YYYY-MM-DD) [default: 4 weeks before --until]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<chrono::NaiveDate>,
        /// Last day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        until: Option<chrono::NaiveDate>,
    },
    /// Open the heat/cold timer on a mode's safety check (never longer than
    /// 20 minutes).
    Timer {
        /// Heat, cold, or contrast (alternating).
        #[arg(value_enum)]
        mode: TimerMode,
        /// Length, like 90s, 15m or 1m30s; at most 20m [default: the
        /// mode's length from content, 15m]
        #[arg(long, value_name = "D", value_parser = parse_therapy_length)]
        duration: Option<Duration>,
    },
    /// Ring the alarms without the full screen: the stand-up reminder and
    /// the heat/cold time-up alarm of a pack put on in the app. Sleeps until
    /// the next one is due (no wake-ups in between), then prints a
    /// timestamped line, rings the bell and sends the configured
    /// notifications. Silent while the full-screen app is open (it rings
    /// then); takes over when it closes. Uses the settings and the schedule
    /// shared with the app. Ctrl-C stops it (exit 130; SIGTERM 143).
    Remind {
        /// Interval for this run, e.g. 45m, 1h, 1h30m, or seconds for
        /// testing (30s); 1s to 180m [default: the settings]
        #[arg(long, value_name = "D", value_parser = parse_every)]
        every: Option<TimeDelta>,
        /// Exit after one reminder.
        #[arg(long)]
        once: bool,
        /// Ignore active hours and weekdays (for shift workers).
        #[arg(long)]
        anytime: bool,
    },
    /// Print one short line for a tmux status bar or shell prompt, e.g.
    /// "stand up in 23m". Always exits 0.
    Status,
    /// Print every preference, its value and where it comes from (default,
    /// config.ron, or moved there from settings.ron); `config set KEY
    /// VALUE` changes one.
    Config {
        /// What to do; without one, print the preferences.
        #[command(subcommand)]
        action: Option<ConfigAction>,
    },
    /// Answer the stand-up reminder from anywhere (a tmux key binding, a
    /// notification's action), as the overlay does, and print when the
    /// next one is due.
    Standup {
        /// done (I stood up), snooze or skip.
        #[arg(value_enum)]
        answer: StandupAnswer,
    },
    /// Mute stand-up alerts (never the heat/cold alarm) for a while, e.g.
    /// `quiet 45m`, or end it with `quiet off`. The app, remind and status
    /// all see it; a reminder due meanwhile comes once when quiet ends.
    Quiet {
        /// How long (1m to 12h, like 45m or 1h30m), or `off`.
        #[arg(value_name = "D|off")]
        length: String,
    },
    /// Print a shell completion script to stdout.
    ///
    /// For bash: `backcoach completions bash >
    /// ~/.local/share/bash-completion/completions/backcoach`; for zsh, into
    /// a folder on your `fpath` as `_backcoach`; for fish,
    /// `~/.config/fish/completions/backcoach.fish`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff) to stdout.
    ///
    /// Install it with `backcoach man > ~/.local/share/man/man1/backcoach.1`
    /// (create the folder first), then `man backcoach`.
    Man,
    /// Print this message or the help of the given subcommand(s).
    Help {
        /// The subcommand to explain.
        #[arg(value_name = "COMMAND")]
        command: Vec<String>,
    },
}

/// `backcoach config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Check a value and write it to config.ron, e.g. `config set
    /// reminder.every 45m` or `config set reminder.active_hours
    /// 09:00-12:30,13:30-18:00`.
    Set {
        /// The preference, e.g. reminder.every (see `backcoach config`).
        key: String,
        /// Its new value.
        value: String,
    },
}

/// `backcoach standup` answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StandupAnswer {
    /// I stood up: the interval starts again.
    Done,
    /// Put it off for the snooze length.
    Snooze,
    /// Skip this one: the interval starts again.
    Skip,
}

impl From<StandupAnswer> for crate::domain::record::StandupOutcome {
    fn from(answer: StandupAnswer) -> Self {
        use crate::domain::record::StandupOutcome::{Done, Skipped, Snoozed};
        match answer {
            StandupAnswer::Done => Done,
            StandupAnswer::Snooze => Snoozed,
            StandupAnswer::Skip => Skipped,
        }
    }
}

/// How `backcoach history` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// Aligned columns for reading.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of records.
    Json,
}

/// How `backcoach report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Md,
    /// One self-contained HTML page.
    Html,
}

/// Which records `backcoach history` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryKind {
    /// Guided sessions.
    Sessions,
    /// Heat, cold and contrast applications (one per application).
    Therapy,
    /// Answers to the stand-up reminder.
    Standups,
    /// Self-release: uses, "it hurt" reports and warnings read to the end.
    Release,
    /// Every record.
    All,
}

/// Shortest and longest `remind --every`.
const EVERY_RANGE: RangeInclusive<Duration> =
    Duration::from_secs(1)..=Duration::from_secs(180 * 60);

/// `timer --duration`: a duration above zero and at most the heat/cold cap.
fn parse_therapy_length(text: &str) -> Result<Duration, String> {
    let length = duration::parse(text)?;
    if length.is_zero() {
        return Err("the length must be above zero".to_owned());
    }
    if length > CAP {
        return Err(format!(
            "`{}` is over the {THERAPY_CAP_MINUTES}-minute cap for heat and cold",
            text.trim().escape_debug()
        ));
    }
    Ok(length)
}

/// `remind --every`: a duration from 1 s to 180 min.
fn parse_every(text: &str) -> Result<TimeDelta, String> {
    let out_of_range = || {
        format!(
            "`{}` is out of range: --every must be from 1s to 180m",
            text.trim().escape_debug()
        )
    };
    let every = duration::parse(text)?;
    if !EVERY_RANGE.contains(&every) {
        return Err(out_of_range());
    }
    TimeDelta::from_std(every).map_err(|_| out_of_range())
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{}` is not a date like 2026-11-22", text.escape_debug()))
}

/// The modes `backcoach timer` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimerMode {
    /// Warmth for tension and stiffness.
    Heat,
    /// Cold for a fresh strain or swelling.
    Cold,
    /// Heat and cold alternated.
    Contrast,
}

impl From<TimerMode> for TherapyKind {
    fn from(mode: TimerMode) -> TherapyKind {
        match mode {
            TimerMode::Heat => TherapyKind::Heat,
            TimerMode::Cold => TherapyKind::Cold,
            TimerMode::Contrast => TherapyKind::Contrast,
        }
    }
}
