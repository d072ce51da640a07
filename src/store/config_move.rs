//! The one-time move of preferences from `settings.ron` (where earlier
//! releases kept them with the state) to `config.ron`. Safe to repeat and
//! to kill at any point: `config.ron` is written first, then the
//! preferences are dropped from `settings.ron`; a key `config.ron`
//! already sets is never overwritten, so a second run after a kill in
//! between only finishes the drop.

use super::config::{bad_config, old_keys};
use super::settings::StateFile;
use super::{Store, StoreError};

impl Store {
    /// Moves the preferences `state` (as read from `settings.ron`) still
    /// holds; returns the state as now written. A bad `config.ron` stops
    /// the move (it is never written over): they stay where they are.
    pub fn move_preferences(&self, state: StateFile) -> Result<StateFile, StoreError> {
        if !state.holds_preferences() {
            return Ok(state);
        }
        let read = self.read_config();
        if let Some(problem) = read.problem {
            return Err(bad_config(&problem));
        }
        let mut file = read.file.unwrap_or_default();
        let mut moved = false;
        for (key, text) in old_keys(&state) {
            if !file.has(key) && file.put(key, &text).is_ok() {
                file.moved_from_settings.push(key.name().to_owned());
                moved = true;
            }
        }
        if moved {
            self.write_config(&file)?;
        }
        let state = StateFile {
            session_bell: None,
            reminder: None,
            speech: None,
            ..state
        };
        self.save_state(&state)?;
        Ok(state)
    }
}
