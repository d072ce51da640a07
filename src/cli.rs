//! The command line: global options and subcommands.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use crate::content::model::TherapyKind;
use crate::domain::therapy::parse_length;

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
    /// Open the heat/cold timer on a mode's safety check (never longer than
    /// 20 minutes).
    Timer {
        /// Heat, cold, or contrast (alternating).
        #[arg(value_enum)]
        mode: TimerMode,
        /// Length, like 90s, 15m or 1m30s; at most 20m [default: the
        /// mode's length from content, 15m]
        #[arg(long, value_name = "D", value_parser = parse_length)]
        duration: Option<Duration>,
    },
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
