//! The commands that need neither content nor the full screen and work on
//! the reminder's files: `status`, `config`, `standup`, `quiet`, `remind`.
//! Here so `main.rs` keeps one dispatch arm for them.

use std::path::Path;
use std::process::ExitCode;

use super::folders::{data_dir, open_store};
use super::output::say_error;
use super::{Command, ConfigAction, config_command, quiet_command, standup_command};
use crate::{remind, runtime, status};

/// Runs `command` if it is one of these; `None` otherwise.
pub fn run(
    command: &Command,
    data: Option<&Path>,
    config: Option<&Path>,
) -> Option<Result<ExitCode, String>> {
    let store = || open_store(data, config);
    Some(match command {
        Command::Status => Ok(status::run(data_dir(data).ok().as_deref(), config)),
        Command::Config { action } => store().and_then(|store| match action {
            None => config_command::show(&store),
            Some(ConfigAction::Set { key, value }) => config_command::set(&store, key, value),
        }),
        Command::Standup { answer } => store()
            .and_then(|store| standup_command::run(&store, (*answer).into(), runtime::now().wall)),
        Command::Quiet { length } => {
            store().and_then(|store| quiet_command::run(&store, length, runtime::now().wall))
        }
        Command::Remind {
            every,
            once,
            anytime,
        } => store().and_then(|store| {
            if let Some(notice) = store.notice() {
                say_error(&format!("backcoach: {notice}"));
            }
            let options = remind::Options {
                every: *every,
                once: *once,
                anytime: *anytime,
            };
            remind::run(&store, &options)
        }),
        _ => return None,
    })
}
