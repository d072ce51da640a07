//! End-to-end: spoken cues, with a fake speaker on `PATH` (a script that
//! appends what it was asked to say to a file): the first speaker found
//! is used, a configured command gets its arguments then the cue, and a
//! missing or failing speaker is reported once while the session goes on.

use std::ffi::OsString;
use std::path::PathBuf;
use std::thread;
use std::time::Instant;

use crate::plain::{assert_no_escape, piped, plain_args, text};
use crate::support::*;

/// So the fake speaker and its log outlive `fake_speaker`.
pub struct Speaker {
    pub path: OsString,
    pub log: PathBuf,
}

/// A folder for `PATH` holding `name`, a script that appends its
/// arguments to a log (and then exits with `code`).
pub fn fake_speaker(world: &World, name: &str, code: i32) -> Speaker {
    use std::os::unix::fs::PermissionsExt;
    let dir = world.path("bin");
    std::fs::create_dir_all(&dir).unwrap();
    let log = world.path("said.txt");
    let script = dir.join(name);
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\nexit {code}\n",
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    Speaker {
        path: dir.into_os_string(),
        log,
    }
}

/// What the fake speaker was asked to say, once it has said `last`.
pub fn said_by(speaker: &Speaker, last: &str) -> Vec<String> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let said = std::fs::read_to_string(&speaker.log).unwrap_or_default();
        if said.contains(last) {
            return said.lines().map(str::to_owned).collect();
        }
        assert!(
            Instant::now() < deadline,
            "{last:?} was never said; said: {said:?}"
        );
        thread::sleep(POLL);
    }
}

#[test]
fn speak_says_each_beat_through_the_first_speaker_on_the_path() {
    let world = World::acknowledged("");
    let speaker = fake_speaker(&world, "spd-say", 0);
    let args = plain_args(&world, &["--plain", "--speak", "session", "quick"]);
    let env = [("PATH", speaker.path.clone())];
    let out = piped(&world, &args, "\n\n\n", &env);
    assert!(out.status.success(), "{out:?}");
    assert_no_escape(&out.stdout);
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let said = said_by(&speaker, "Routine complete.");
    for cue in [
        "Quick lean, right side. Get into position.",
        "Quick lean: right side, hold 1 second.",
        "Release. Now the left side.",
        "Release. Next: Quick sway. Get into position.",
        "Quick sway: hold 2 seconds.",
    ] {
        assert!(said.iter().any(|s| s == cue), "{cue:?} not said: {said:?}");
    }
    // The march's cue and the end came at the same moment (its Enter was
    // already read): the newer replaces the older, no backlog.
    assert_eq!(said.last().map(String::as_str), Some("Routine complete."));
}

#[test]
fn a_failing_speaker_is_reported_once_and_the_session_carries_on() {
    let world = World::acknowledged("speech: (enabled: true),");
    let speaker = fake_speaker(&world, "espeak-ng", 3);
    let args = plain_args(&world, &["--plain", "session", "quick"]);
    let env = [("PATH", speaker.path.clone())];
    let out = piped(&world, &args, "\n\n\n", &env);
    assert!(out.status.success(), "{out:?}");
    assert!(text(&out.stdout).contains("Quick test: completed."));
    let errors = text(&out.stderr);
    assert_eq!(errors.lines().count(), 1, "{errors}");
    assert!(
        errors.starts_with("backcoach: spoken cues are unavailable: espeak-ng failed"),
        "{errors}"
    );
    said_by(&speaker, "Routine complete.");
}

#[test]
fn a_missing_speaker_is_reported_once() {
    let world = World::acknowledged("");
    let empty = world.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let args = plain_args(&world, &["--plain", "--speak", "session", "quick"]);
    let out = piped(&world, &args, "\n\n\n", &[("PATH", empty.into_os_string())]);
    assert!(out.status.success(), "{out:?}");
    let errors = text(&out.stderr);
    assert_eq!(errors.lines().count(), 1, "{errors}");
    assert!(errors.contains("no speaker found"), "{errors}");
}

#[test]
fn a_configured_speech_command_gets_its_arguments_then_the_cue() {
    let world = World::acknowledged("");
    let speaker = fake_speaker(&world, "talker", 0);
    let program = PathBuf::from(&speaker.path).join("talker");
    std::fs::write(
        world.data_dir().join("settings.ron"),
        format!(
            "(version: 1, disclaimer_acknowledged: Some(\"2026-01-01T00:00:00+00:00\"), \
             speech: (enabled: true, command: Some(\"{} --rate 150\")))",
            program.display()
        ),
    )
    .unwrap();
    let args = plain_args(&world, &["--plain", "session", "quick"]);
    let out = piped(&world, &args, "\n\n\n", &[]);
    assert!(out.status.success(), "{out:?}");
    let said = said_by(&speaker, "Routine complete.");
    assert!(
        said.iter()
            .any(|s| s == "--rate 150 Release. Now the left side."),
        "{said:?}"
    );
}
