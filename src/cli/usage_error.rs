//! The one line `backcoach` prints for a command line it refuses: it names
//! the argument, lists the valid values where there is a fixed set, and
//! points to the help of the subcommand that was being read.
//!
//! Built from clap's error context (which argument, which value, which
//! values are valid), never from clap's rendered text, and made printable:
//! whatever was typed is echoed with control characters escaped.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgMatches, Command, CommandFactory};

use super::Cli;
use crate::text::safe;

/// The line for a refused command line: `backcoach: REASON (see backcoach
/// SUBCOMMAND --help)`, one line, safe for a terminal. `args` is the whole
/// command line as given, program name first.
pub fn usage_line(err: &clap::Error, args: &[OsString]) -> String {
    let mut root = Cli::command();
    root.build();
    let path = subcommand_path(args);
    let mut cmd = &root;
    let mut help = String::from("backcoach");
    for name in &path {
        match cmd.find_subcommand(name) {
            Some(sub) => cmd = sub,
            None => break,
        }
        help.push(' ');
        help.push_str(name);
    }
    printable(&format!(
        "backcoach: {} (see {help} --help)",
        reason(err, cmd)
    ))
}

/// The subcommands the command line reached before the error, as clap
/// reads them when told to carry on past errors.
fn subcommand_path(args: &[OsString]) -> Vec<String> {
    let Ok(matches) = Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(args)
    else {
        return Vec::new();
    };
    let mut path = Vec::new();
    let mut current: &ArgMatches = &matches;
    while let Some((name, sub)) = current.subcommand() {
        path.push(name.to_owned());
        current = sub;
    }
    path
}

/// What was wrong, in a few words, from the error's context.
fn reason(err: &clap::Error, cmd: &Command) -> String {
    let arg = context_text(err, ContextKind::InvalidArg);
    let value = context_text(err, ContextKind::InvalidValue);
    match err.kind() {
        ErrorKind::MissingRequiredArgument => {
            let missing = arg.unwrap_or_else(|| "an argument".to_owned());
            format!("missing {missing}{}", valid_values_of(cmd, err))
        }
        ErrorKind::InvalidValue if value.as_deref() == Some("") => {
            format!("{} needs a value", flag_name(arg, cmd))
        }
        ErrorKind::InvalidValue => format!(
            "invalid value `{}` for {}{}{}",
            value.unwrap_or_default(),
            flag_name(arg, cmd),
            suggestion(err, ContextKind::SuggestedValue),
            valid_values_of(cmd, err)
        ),
        ErrorKind::ValueValidation => {
            let detail = std::error::Error::source(err)
                .map(ToString::to_string)
                .unwrap_or_else(|| format!("invalid value `{}`", value.unwrap_or_default()));
            format!("{}: {detail}", flag_name(arg, cmd))
        }
        ErrorKind::UnknownArgument => format!(
            "unexpected argument `{}`{}",
            arg.unwrap_or_default(),
            suggestion(err, ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "unknown command `{}`{}{}",
            context_text(err, ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion(err, ContextKind::SuggestedSubcommand),
            subcommand_names(cmd)
        ),
        ErrorKind::TooManyValues => format!(
            "unexpected value `{}` for {}",
            value.unwrap_or_default(),
            flag_name(arg, cmd)
        ),
        kind => {
            let what = kind.as_str().unwrap_or("invalid command line");
            match arg {
                Some(arg) => format!("{what}: {arg}"),
                None => what.to_owned(),
            }
        }
    }
}

/// A context entry as text: a list is joined with commas.
fn context_text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(styled) => Some(styled.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// ` (did you mean `x`?)` when clap has a suggestion.
fn suggestion(err: &clap::Error, kind: ContextKind) -> String {
    match context_text(err, kind) {
        Some(suggested) if !suggested.is_empty() => format!(" (did you mean `{suggested}`?)"),
        _ => String::new(),
    }
}

/// A flag by its long name (`--duration`); a positional as clap shows it
/// (`<MODE>`).
fn flag_name(shown: Option<String>, cmd: &Command) -> String {
    let Some(shown) = shown else {
        return "an argument".to_owned();
    };
    cmd.get_arguments()
        .find(|a| a.to_string() == shown)
        .and_then(|a| a.get_long())
        .map_or(shown, |long| format!("--{long}"))
}

/// `; valid values: a, b, c` for the argument in error, when it has a
/// fixed set (from the error, else from the argument's definition).
fn valid_values_of(cmd: &Command, err: &clap::Error) -> String {
    let values: Vec<String> = match err.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(list)) => list.clone(),
        _ => {
            let Some(ContextValue::Strings(names)) = err.get(ContextKind::InvalidArg) else {
                return String::new();
            };
            cmd.get_arguments()
                .filter(|a| names.iter().any(|n| *n == a.to_string()))
                .flat_map(|a| a.get_possible_values())
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect()
        }
    };
    if values.is_empty() {
        String::new()
    } else {
        format!("; valid values: {}", values.join(", "))
    }
}

/// `; commands: a, b, c`: the visible subcommands of `cmd`, if any.
fn subcommand_names(cmd: &Command) -> String {
    let names: Vec<&str> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(Command::get_name)
        .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!("; commands: {}", names.join(", "))
    }
}

/// `text` made safe for a terminal and kept on one line: the one
/// [`safe::shown`] every output path uses.
pub fn printable(text: &str) -> String {
    safe::shown(text).into_owned()
}
