//! Spoken cues: when the `speech` setting (or `--speak`) is on, `update`
//! asks the runtime to say a short cue at the same points the bell rings.
//! Whether to speak is decided here; how is the runtime's.

use super::{App, Cmd};
use crate::content::model::TherapyKind;

/// What the stand-up reminder says.
pub const STANDUP: &str = "Time to stand up and walk around.";
/// What the heat/cold alarm says again while it waits.
pub const REMOVE_AGAIN: &str = "Remove the pack now.";

/// `Cmd::Speak(text)` when spoken cues are on, else nothing.
pub fn say(app: &App, text: impl Into<String>) -> Option<Cmd> {
    app.settings.speech.enabled.then(|| Cmd::Speak(text.into()))
}

/// The speaker is missing or failed: say so once; everything else goes on.
pub fn unavailable(app: &mut App, reason: &str) {
    app.notice = Some(format!(
        "Spoken cues are unavailable ({reason}); everything else carries on."
    ));
}

/// What the heat/cold alarm says first: which pack to take off.
pub fn remove_pack(kind: TherapyKind) -> String {
    match kind {
        TherapyKind::Heat => "Remove the heat pack now.".to_owned(),
        TherapyKind::Cold => "Remove the cold pack now.".to_owned(),
        TherapyKind::Contrast => REMOVE_AGAIN.to_owned(),
    }
}
