//! `backcoach config`: every preference, its value and where it comes
//! from; `backcoach config set KEY VALUE`: checks the value and writes it
//! to `config.ron`, changing nothing else.

use std::process::ExitCode;

use super::output::{say_error, write_stdout};
use crate::store::Store;
use crate::store::preferences::{KEYS, Key};
use crate::text::safe;

/// Prints every key. A bad `config.ron` is reported on stderr (the values
/// shown are then the ones in use: defaults) and the exit status is 1.
pub fn show(store: &Store) -> Result<ExitCode, String> {
    let state = store.peek_state().map_err(|err| err.to_string())?;
    let read = store.read_config();
    let prefs = read.resolve(&state);
    let width = KEYS.iter().map(|k| k.name().len()).max().unwrap_or(0);
    let mut text = format!(
        "# {}\n",
        safe::shown(&store.config_path().display().to_string())
    );
    for key in KEYS {
        let value = key.show(&prefs);
        let value = if value.is_empty() {
            "(none)".to_owned()
        } else {
            value
        };
        text.push_str(&format!(
            "{:<width$}  {:<24}  {}\n",
            key.name(),
            safe::shown(&value),
            read.source(key, &state).label()
        ));
    }
    let code = write_stdout(text.as_bytes());
    if let Some(problem) = read.problem {
        say_error(&problem.to_string());
        say_error("backcoach: config.ron has a problem; the values above are the ones in use");
        return Ok(ExitCode::FAILURE);
    }
    Ok(code)
}

/// Sets `key` to `value` in `config.ron`; an `Err` (exit 2) names a bad
/// key, a bad value or a `config.ron` that cannot be read.
pub fn set(store: &Store, key: &str, value: &str) -> Result<ExitCode, String> {
    let key = Key::named(key)?;
    key.check(value).map_err(|reason| {
        if reason.contains(key.name()) {
            reason
        } else {
            format!("{}: {reason}", key.name())
        }
    })?;
    store
        .move_preferences(store.peek_state().map_err(|err| err.to_string())?)
        .map_err(|err| err.to_string())?;
    store
        .change_config(&[(key, value.to_owned())])
        .map_err(|err| err.to_string())?;
    let prefs = store
        .peek_settings()
        .map_err(|err| err.to_string())?
        .preferences();
    Ok(write_stdout(
        format!("{} = {}\n", key.name(), safe::shown(&key.show(&prefs))).as_bytes(),
    ))
}
