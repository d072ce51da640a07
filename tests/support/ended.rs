//! What is left once the app has exited, and the check that it gave
//! the terminal back as it found it.

use super::*;

/// What is left once the app has exited.
pub struct Ended {
    pub status: ExitStatus,
    /// Names of the terminal's local mode flags after exit (e.g. "ICANON").
    pub local_flags: Vec<String>,
    /// Every byte the app wrote.
    pub raw: Vec<u8>,
}

pub fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

impl Ended {
    /// The app left the alternate screen after it last entered it, and the
    /// terminal is back in canonical mode with echo (raw mode off).
    pub fn assert_terminal_restored(&self) {
        let entered = find_last(&self.raw, ENTER_ALT_SCREEN)
            .expect("the app never entered the alternate screen");
        let left = find_last(&self.raw, LEAVE_ALT_SCREEN);
        assert!(
            left.is_some_and(|left| left > entered),
            "no ESC[?1049l after the last ESC[?1049h (at byte {entered}); output ends with {:?}",
            String::from_utf8_lossy(&self.raw[entered..])
                .escape_debug()
                .to_string()
        );
        // The mouse and focus reports, asked for while the app has the
        // screen, are given back.
        for (on, off, what) in [
            (&b"\x1b[?1000h"[..], &b"\x1b[?1000l"[..], "mouse reporting"),
            (b"\x1b[?1004h", b"\x1b[?1004l", "focus reporting"),
        ] {
            if let Some(on) = find_last(&self.raw, on) {
                let off = find_last(&self.raw, off);
                assert!(off.is_some_and(|off| off > on), "{what} left on after exit");
            }
        }
        for flag in ["ICANON", "ECHO"] {
            assert!(
                self.local_flags.iter().any(|f| f == flag),
                "{flag} is not set after exit: raw mode was left on ({:?})",
                self.local_flags
            );
        }
    }
}

pub fn has_flag(flags: &[String], name: &str) -> bool {
    flags.iter().any(|f| f == name)
}
