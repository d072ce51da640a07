//! `config.ron` in the config folder: the preferences, hand-editable,
//! validated when read with located problems as content is
//! (`config.ron:3:14: …`). A bad file is never written over: the app
//! starts on defaults and says which line is wrong, and `config set`
//! refuses until it is fixed. A link (a dotfiles repository) is followed,
//! and a write replaces the file it points to.

use std::fs;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use super::config_file::{CONFIG_VERSION, ConfigFile};
use super::preferences::{Key, Preferences};
use super::settings::StateFile;
use super::{Store, StoreError, write_atomically};
use crate::content::problem::Problem;
use crate::file::{self, Links};

/// The name of the preferences file.
pub const CONFIG_FILE: &str = "config.ron";

/// Where a preference's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Nobody set it.
    Default,
    /// `config.ron`.
    Config,
    /// `config.ron`, moved there from `settings.ron` and not changed since.
    Moved,
    /// `settings.ron` of an earlier release, not moved yet.
    Settings,
}

impl Source {
    /// As `backcoach config` prints it.
    pub fn label(self) -> &'static str {
        match self {
            Source::Default => "default",
            Source::Config => "config.ron",
            Source::Moved => "settings.ron-migrated",
            Source::Settings => "settings.ron",
        }
    }
}

/// What reading `config.ron` found.
#[derive(Debug, Clone, Default)]
pub struct ConfigRead {
    /// The file, when it is there and good.
    pub file: Option<ConfigFile>,
    /// What is wrong with it, located, when it is bad.
    pub problem: Option<Problem>,
}

impl ConfigRead {
    /// The preferences: defaults, then those an earlier release left in
    /// `state` (not moved yet), then the file's.
    pub fn resolve(&self, state: &StateFile) -> Preferences {
        let mut prefs = Preferences::default();
        for (key, text) in old_keys(state) {
            let _ = key.set(&mut prefs, &text);
        }
        if let Some(file) = &self.file {
            file.apply(&mut prefs);
        }
        prefs
    }

    /// Where `key`'s value comes from.
    pub fn source(&self, key: Key, state: &StateFile) -> Source {
        match &self.file {
            Some(file)
                if file.has(key) && file.moved_from_settings.iter().any(|k| k == key.name()) =>
            {
                Source::Moved
            }
            Some(file) if file.has(key) => Source::Config,
            _ if old_keys(state).iter().any(|(k, _)| *k == key) => Source::Settings,
            _ => Source::Default,
        }
    }
}

/// The preferences an earlier release kept in `settings.ron`.
pub fn old_keys(state: &StateFile) -> Vec<(Key, String)> {
    let mut keys = state.reminder.map(|r| r.keys()).unwrap_or_default();
    keys.extend(
        state
            .session_bell
            .map(|on| (Key::SessionBell, on.to_string())),
    );
    if let Some(speech) = &state.speech {
        keys.push((Key::SpeechEnabled, speech.enabled.to_string()));
        keys.extend(speech.command.clone().map(|c| (Key::SpeechCommand, c)));
    }
    keys
}

/// The sentence the app shows for a bad `config.ron`.
pub fn problem_notice(problem: &Problem) -> String {
    let text = problem.to_string();
    let first = text.lines().next().unwrap_or_default();
    format!("{first} (the app uses default preferences until that is fixed).")
}

/// The error for a bad `config.ron`: its located first line.
pub fn bad_config(problem: &Problem) -> StoreError {
    StoreError::BadConfig {
        problem: problem
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

/// Largest `config.ron` read.
const MAX_CONFIG_BYTES: u64 = 256 * 1024;

impl Store {
    /// The config folder given (see [`Store::with_config_dir`]), or the
    /// data folder.
    pub fn config_path(&self) -> PathBuf {
        self.config_dir.join(CONFIG_FILE)
    }

    /// This store with `config.ron` in `dir` (the config folder).
    pub fn with_config_dir(mut self, dir: &Path) -> Store {
        self.config_dir = dir.to_path_buf();
        self
    }

    /// Reads `config.ron` without changing anything.
    pub fn read_config(&self) -> ConfigRead {
        let path = self.config_path();
        let name = path.display().to_string();
        let bytes = match file::read_regular(&path, Links::Follow, MAX_CONFIG_BYTES) {
            Ok(None) => return ConfigRead::default(),
            Ok(Some(bytes)) => bytes,
            Err(err) => {
                return ConfigRead {
                    file: None,
                    problem: Some(Problem::file(&name, format!("cannot be read: {err}"))),
                };
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return ConfigRead {
                file: None,
                problem: Some(Problem::file(&name, "it is not UTF-8 text")),
            };
        };
        match parse(&name, &text) {
            Ok(file) => ConfigRead {
                file: Some(file),
                problem: None,
            },
            Err(problem) => ConfigRead {
                file: None,
                problem: Some(problem),
            },
        }
    }

    /// Reads `config.ron` afresh, sets each key and writes it back
    /// atomically: only these keys change, whatever else another process
    /// wrote since. A bad file is refused, never written over.
    pub fn change_config(&self, changes: &[(Key, String)]) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let read = self.read_config();
        let path = self.config_path();
        if let Some(problem) = read.problem {
            return Err(bad_config(&problem));
        }
        let mut file = read.file.unwrap_or_default();
        for (key, text) in changes {
            file.put(*key, text)
                .map_err(|problem| StoreError::Invalid {
                    path: path.clone(),
                    problem,
                })?;
        }
        self.write_config(&file)
    }

    /// Writes `file` as `config.ron`, to where a link points.
    pub(super) fn write_config(&self, file: &ConfigFile) -> Result<(), StoreError> {
        let link = self.config_path();
        let path = fs::canonicalize(&link).unwrap_or(link);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(StoreError::write(dir))?;
        }
        let file = ConfigFile {
            version: CONFIG_VERSION,
            ..file.clone()
        };
        let text = ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .to_string_pretty(&file, ron::ser::PrettyConfig::default())
            .map_err(|err| StoreError::Encode {
                path: path.clone(),
                reason: err.to_string(),
            })?;
        write_atomically(&path, format!("{text}\n").as_bytes())
    }
}

/// Reads the text of `config.ron`; a located problem when it is bad.
pub fn parse(name: &str, text: &str) -> Result<ConfigFile, Problem> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let file: ConfigFile = options.from_str(text).map_err(|err| {
        Problem::at(
            name,
            text,
            err.span.start.line,
            err.span.start.col,
            err.code.to_string(),
        )
    })?;
    if file.version != CONFIG_VERSION {
        return Err(Problem::file(
            name,
            format!(
                "version {} is not supported (this backcoach reads version {CONFIG_VERSION})",
                file.version
            ),
        ));
    }
    Ok(file)
}
