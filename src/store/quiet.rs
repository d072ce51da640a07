//! `quiet.ron` in the data folder: until when stand-up alerts are muted
//! (state, not a preference: `backcoach quiet 45m`, the app's key). Read
//! by the app, `remind` and `status`; a versioned file, replaced
//! atomically, removed by `quiet off`.

use chrono::{DateTime, Local};

use super::versioned::{Format, Spec};
use super::{Store, StoreError};
use crate::domain::quiet::Quiet;

/// The file's name in the data folder.
pub const QUIET_FILE: &str = "quiet.ron";

static QUIET: Spec<Quiet> = Spec {
    name: QUIET_FILE,
    format: Format::Ron,
    version: 1,
    older: &[],
    check: |quiet| crate::domain::in_range::date("`until`", &quiet.until),
    what: "The quiet file",
    then: "Stand-up alerts are not muted.",
};

impl Store {
    /// Reads the quiet state without changing anything.
    pub fn peek_quiet(&self) -> Result<Option<Quiet>, StoreError> {
        self.file(&QUIET).peek()
    }

    /// Reads the quiet state; a bad file is set aside and reported.
    pub fn load_quiet(&self, now: DateTime<Local>) -> (Option<Quiet>, Option<String>) {
        let loaded = self.file(&QUIET).load(now);
        (loaded.value, loaded.notice)
    }

    /// Writes the quiet state, or removes it (`None`).
    pub fn save_quiet(&self, quiet: Option<&Quiet>) -> Result<(), StoreError> {
        match quiet {
            Some(quiet) => self.file(&QUIET).save(quiet),
            None => self.file(&QUIET).remove(),
        }
    }
}
