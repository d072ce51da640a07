//! The command line: global options and subcommands.

use std::path::PathBuf;

use chrono::TimeDelta;
use clap::{Parser, Subcommand};

use crate::remind::parse_every;

/// A full-screen terminal back-care coach. A coach, not a diagnosis.
#[derive(Debug, Parser)]
#[command(name = "backcoach", version, about, long_about = None)]
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

    /// What to do; without one, the full-screen coach opens.
    #[command(subcommand)]
    pub command: Option<Command>,
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
    /// Remind you to stand up, without the full screen: sleep until due
    /// (no wake-ups in between), then print a timestamped line, ring the
    /// bell and send the configured notifications. Uses the reminder
    /// settings and the schedule shared with the app. Ctrl-C stops it
    /// (exit 130; SIGTERM 143).
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
}
