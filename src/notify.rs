//! Notifications beyond the bell: terminal escape sequences (OSC 777 and
//! OSC 9, wrapped for tmux) and desktop notifications through `notify-send`,
//! run from a worker thread with a time limit. Called only by the impure
//! shells (the runtime and `backcoach remind`).

use std::thread;
use std::time::Duration;

use crate::probe;
use crate::text::safe;

/// How long `notify-send` may take before it counts as hung.
pub const DESKTOP_TIMEOUT: Duration = Duration::from_secs(5);

/// The bytes of a terminal notification: OSC 777 (urxvt, foot, WezTerm,
/// Ghostty, VTE terminals) then OSC 9 (iTerm2, Windows Terminal, kitty).
/// Inside tmux each is wrapped in a DCS passthrough, which tmux forwards to
/// the outer terminal when `allow-passthrough` is on.
pub fn terminal_sequence(title: &str, body: &str, in_tmux: bool) -> Vec<u8> {
    let title = clean(title);
    let body = clean(body);
    let sequences = [
        format!("\x1b]777;notify;{title};{body}\x07"),
        format!("\x1b]9;{title}: {body}\x07"),
    ];
    let mut out = Vec::new();
    for seq in sequences {
        if in_tmux {
            out.extend_from_slice(b"\x1bPtmux;");
            out.extend_from_slice(seq.replace('\x1b', "\x1b\x1b").as_bytes());
            out.extend_from_slice(b"\x1b\\");
        } else {
            out.extend_from_slice(seq.as_bytes());
        }
    }
    out
}

/// Makes the text safe to show (control characters written out, see
/// [`safe::shown`]) and drops the field separator, which would split the
/// sequence.
fn clean(text: &str) -> String {
    safe::shown(text).replace(';', "")
}

/// Sends a desktop notification from a worker thread and returns at once.
/// `on_result` runs on that thread: `Ok` once sent, or a reason when
/// `notify-send` is missing, fails, or hangs past [`DESKTOP_TIMEOUT`] (it is
/// then killed).
pub fn desktop(
    title: &str,
    body: &str,
    on_result: impl FnOnce(Result<(), String>) + Send + 'static,
) {
    let words = [
        "notify-send".to_owned(),
        "--app-name=backcoach".to_owned(),
        clean(title),
        clean(body),
    ];
    // If no thread can be started, the machine is out of resources; the
    // notification is dropped rather than blocking the caller.
    let _ = thread::Builder::new().name("notify".into()).spawn(move || {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        on_result(match probe::run(&words, DESKTOP_TIMEOUT) {
            Ok(ran) if ran.success => Ok(()),
            Ok(ran) => Err(format!("notify-send failed ({})", ran.status)),
            Err(reason) => Err(reason),
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_tmux_sequences() {
        let plain = terminal_sequence("Stand up", "Walk; now\x07", false);
        assert_eq!(
            plain,
            b"\x1b]777;notify;Stand up;Walk now\\u{7}\x07\x1b]9;Stand up: Walk now\\u{7}\x07"
                .to_vec()
        );
        let wrapped = String::from_utf8(terminal_sequence("T", "B", true)).unwrap_or_default();
        assert_eq!(
            wrapped,
            "\x1bPtmux;\x1b\x1b]777;notify;T;B\x07\x1b\\\x1bPtmux;\x1b\x1b]9;T: B\x07\x1b\\"
        );
    }
}
