//! Spoken cues through the real `update`: said where the bell rings (each
//! beat, a contrast switch, the pack alarm and its repeats, the stand-up),
//! only when the speech setting is on, and never decided by the view; a
//! speaker that cannot speak is a notice. Plus the setting on disk.

use std::time::{Duration, Instant};

use backcoach::app::{self, App, Cmd, Intent, Now, Opening, Outcome};
use backcoach::content::load;
use backcoach::content::model::TherapyKind;
use backcoach::content::source::{self, Source};
use backcoach::store::settings_change::SettingsChange;
use backcoach::store::{Settings, Speech, Store};
use chrono::{Local, TimeZone};

struct Clock(Instant);

impl Clock {
    fn secs(&self, secs: u64) -> Now {
        let wall = Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        Now::new(
            self.0 + Duration::from_secs(secs),
            wall + chrono::Duration::seconds(i64::try_from(secs).unwrap()),
        )
    }
}

fn app(speech: bool, sources: &[Source]) -> App {
    let mut settings = Settings {
        disclaimer_acknowledged: Some(Local.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()),
        ..Settings::default()
    };
    settings.speech.enabled = speech;
    settings.session_bell = false;
    App::new(load::load(sources).unwrap(), settings, true)
}

fn fixture() -> Vec<Source> {
    vec![Source {
        name: "sessions.ron".into(),
        text: include_str!("../fixtures/sessions.ron").into(),
        builtin: false,
    }]
}

fn spoken(cmds: &[Cmd]) -> Vec<String> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Speak(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Runs "mini" hands-free, a second at a time, and collects every cue.
fn cues_of_mini(speech: bool) -> Vec<String> {
    let clock = Clock(Instant::now());
    let mut app = app(speech, &fixture());
    app::start_routine(&mut app, "mini", clock.secs(0)).unwrap();
    let mut said = spoken(&app::update(&mut app, Intent::Next, clock.secs(0)));
    for t in 1..200 {
        said.extend(spoken(&app::update(&mut app, Outcome::Tick, clock.secs(t))));
        if app
            .session
            .as_ref()
            .unwrap()
            .current()
            .is_some_and(|b| b.kind == backcoach::domain::plan::BeatKind::Manual)
        {
            said.extend(spoken(&app::update(
                &mut app,
                Intent::Select,
                clock.secs(t),
            )));
        }
    }
    said
}

#[test]
fn each_beat_of_a_session_is_said_when_speech_is_on() {
    let said = cues_of_mini(true);
    let expected_start = [
        "Chair twist, right side, rep 1 of 2, set 1 of 2. Get into position.",
        "Chair twist: right side, rep 1 of 2, set 1 of 2, hold 5 seconds.",
        "Release. Rep 2 of 2.",
        "Chair twist: right side, rep 2 of 2, set 1 of 2, hold 5 seconds.",
        "Release. Now the left side.",
    ];
    assert_eq!(&said[..5], &expected_start, "{said:#?}");
    assert!(
        said.contains(&"Release. Set 2 of 2, right side.".to_owned()),
        "{said:#?}"
    );
    assert!(
        said.contains(&"Release. Next: Slow march, rep 1 of 2.".to_owned()),
        "{said:#?}"
    );
    assert!(said.contains(&"Rep 2 of 2.".to_owned()), "{said:#?}");
    assert!(
        said.contains(&"Next: Back press. Get into position.".to_owned()),
        "{said:#?}"
    );
    assert_eq!(
        said.last().map(String::as_str),
        Some("Release. Routine complete.")
    );
}

#[test]
fn nothing_is_said_with_speech_off() {
    assert!(cues_of_mini(false).is_empty());
}

fn timer(app: &mut App, kind: TherapyKind, length: Duration, now: Now) {
    app.opening = Some(Opening::Timer(kind, Some(length)));
    app::update(app, Outcome::Started, now);
    app::update(app, Intent::Yes, now);
    assert!(app.therapy.session.is_some());
}

#[test]
fn the_pack_alarm_and_its_repeats_are_said() {
    let clock = Clock(Instant::now());
    let mut app = app(true, &source::builtin());
    timer(
        &mut app,
        TherapyKind::Heat,
        Duration::from_secs(60),
        clock.secs(0),
    );
    let cmds = app::update(&mut app, Outcome::Tick, clock.secs(60));
    assert_eq!(spoken(&cmds), ["Remove the heat pack now."]);
    let again = app::update(&mut app, Outcome::Tick, clock.secs(65));
    assert_eq!(spoken(&again), ["Remove the pack now."]);
}

#[test]
fn a_contrast_switch_is_said() {
    let clock = Clock(Instant::now());
    let mut app = app(true, &source::builtin());
    timer(
        &mut app,
        TherapyKind::Contrast,
        Duration::from_secs(20 * 60),
        clock.secs(0),
    );
    let first = app.therapy.session.as_ref().unwrap().running.pattern[0].secs;
    let cmds = app::update(&mut app, Outcome::Tick, clock.secs(first));
    let said = spoken(&cmds);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("Switch now to "), "{said:?}");
}

#[test]
fn a_speaker_that_cannot_speak_is_a_notice() {
    let clock = Clock(Instant::now());
    let mut app = app(true, &fixture());
    app::update(
        &mut app,
        Outcome::SpeechUnavailable("no speaker found".into()),
        clock.secs(0),
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("Spoken cues are unavailable (no speaker found); everything else carries on.")
    );
}

#[test]
fn the_speech_setting_is_kept_and_checked_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = Local::now();
    assert_eq!(store.load_settings(now).settings.speech, Speech::default());
    store.save_settings(&Settings::default()).unwrap();
    let text = std::fs::read_to_string(dir.path().join("settings.ron")).unwrap();
    assert!(!text.contains("speech"), "left out while off: {text}");
    store
        .change_settings(&SettingsChange::SpeechEnabled(true))
        .unwrap();
    let speech = store.load_settings(now).settings.speech;
    assert!(speech.enabled);
    assert_eq!(speech.command, None);

    std::fs::write(
        dir.path().join("settings.ron"),
        "(version: 1, speech: (enabled: true, command: Some(\"espeak-ng -s 150\")))",
    )
    .unwrap();
    let loaded = store.load_settings(now);
    assert_eq!(loaded.notice, None);
    assert_eq!(
        loaded.settings.speech.command.as_deref(),
        Some("espeak-ng -s 150")
    );

    // A command with a control character is refused and set aside.
    std::fs::write(
        dir.path().join("settings.ron"),
        "(version: 1, speech: (enabled: true, command: Some(\"say \\u{1b}]0;x\")))",
    )
    .unwrap();
    let loaded = store.load_settings(now);
    assert_eq!(
        loaded.settings.speech.command.as_deref(),
        Some("espeak-ng -s 150"),
        "the command already moved to config.ron stays; the bad one is not used"
    );
    let notice = loaded.notice.unwrap();
    assert!(notice.contains("`speech.command`"), "{notice}");
}
