//! The content says one thing (issue 10, item 12): the checklist and the
//! warnings agree on diagnosed spinal conditions and stenosis; a routine
//! cannot contradict a dose its card calls the sources'; a stretching
//! session's hurt guidance is about stretching; the stand-up overlay's `?`
//! and Esc.

use backcoach::app::{self, Cmd, Intent, Outcome, Screen};
use backcoach::content::load;
use backcoach::content::model::Locks;
use backcoach::content::source::{self, Source};
use backcoach::domain::active_hours::Hours;
use backcoach::domain::safety::Verdict;
use backcoach::keys;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::alarm_support::*;
use crate::support::screen::screen_at;

/// Which "who should not self-release" warning answers each
/// contraindication of the checklist: a word its title or text must hold.
const WHO_MUST_NOT: [(&str, &str); 7] = [
    ("osteoporosis", "Osteoporosis"),
    ("spinal_cancer", "Spinal cancer"),
    ("high_stroke_risk", "stroke"),
    ("bone_abnormality", "bone"),
    ("diagnosed_spinal_condition", "diagnosed spine condition"),
    ("spinal_stenosis", "stenosis"),
    ("unassessed_back_pain", "assessed"),
];

#[test]
fn the_checklist_and_the_warnings_say_the_same() {
    let content = load::load(&source::builtin()).unwrap();
    let section = content.warning("who_must_not").unwrap();
    let texts: Vec<String> = section
        .items
        .iter()
        .map(|i| format!("{} {}", i.title, i.text))
        .collect();
    let contraindications: Vec<&str> = content
        .checklist
        .iter()
        .filter(|i| i.kind == backcoach::content::model::ChecklistKind::Contraindication)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(contraindications.len(), WHO_MUST_NOT.len());
    for (id, word) in WHO_MUST_NOT {
        assert!(contraindications.contains(&id), "no checklist item {id}");
        assert!(
            texts.iter().any(|t| t.contains(word)),
            "no warning names {id} ({word:?})"
        );
    }
    // A diagnosed condition, stenosis included, without a go-ahead locks
    // everything; the warning says no self-release until the go-ahead.
    let diagnosed = content
        .checklist
        .iter()
        .find(|i| i.id == "diagnosed_spinal_condition")
        .unwrap();
    assert_eq!(diagnosed.locks, Locks::All);
    for word in ["stenosis", "clinician"] {
        assert!(diagnosed.question.contains(word), "{}", diagnosed.question);
    }
    // Stenosis, even with the go-ahead, locks extension moves.
    let stenosis = content
        .checklist
        .iter()
        .find(|i| i.id == "spinal_stenosis")
        .unwrap();
    assert_eq!(stenosis.locks, Locks::Tagged("extension".into()));
    assert!(
        stenosis.question.contains("even if"),
        "{}",
        stenosis.question
    );
    let warning = texts.iter().find(|t| t.contains("stenosis")).unwrap();
    for word in ["go-ahead", "Even with the go-ahead", "extension"] {
        assert!(warning.contains(word), "{warning}");
    }
    // What the gate makes of the answers.
    let chair = content.technique("seated_chair_extension").unwrap();
    let twist = content.technique("seated_floor_twist").unwrap();
    let only = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let verdict = Verdict::from_yes(&content.checklist, &only(&["diagnosed_spinal_condition"]));
    assert!(!verdict.allows(chair) && !verdict.allows(twist));
    let verdict = Verdict::from_yes(&content.checklist, &only(&["spinal_stenosis"]));
    assert!(!verdict.allows(chair) && verdict.allows(twist));
}

#[test]
fn a_routine_cannot_change_a_dose_the_card_calls_the_sources() {
    let content = load::load(&source::builtin()).unwrap();
    let routine = content
        .routines
        .iter()
        .find(|r| r.id == "after_sitting")
        .unwrap();
    let knee = routine
        .items
        .iter()
        .find(|i| i.exercise == "knee_to_chest")
        .unwrap();
    assert!(knee.reps.is_none_or(|r| r == 5));
    let mut sources = source::builtin();
    sources.push(Source {
        name: "mine.ron".into(),
        text: r#"(version: 1, routines: [(id: "quick", name: "Quick",
            items: [(exercise: "knee_to_chest", reps: 3), (exercise: "pelvic_tilt", sets: 12)])])"#
            .into(),
        builtin: false,
    });
    let problems = load::load(&sources).unwrap_err();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(text[0].contains("mine.ron") && text[0].contains("`reps` of `knee_to_chest` to 3"));
    assert!(text[1].contains("`sets` of `pelvic_tilt` to 12, outside the sources' 3 to 10"));
}

#[test]
fn a_stretch_that_hurts_is_not_told_about_self_release() {
    let t = T::new();
    let mut app = app();
    app::start_routine(&mut app, "after_sitting", t.at(0)).unwrap();
    send(&mut app, &[Intent::Next], t.at(0));
    send(&mut app, &[Intent::Hurt], t.at(20));
    assert_eq!(app.screen, Screen::Session);
    let text = screen_at(&app, 100, 40).to_lowercase();
    assert!(text.contains("when a stretch hurts"), "{text}");
    for word in ["self-release", "habit", "releasing"] {
        assert!(
            !text.contains(word),
            "{word:?} on the stretch hurt screen:\n{text}"
        );
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_standup_overlay_has_help_and_esc_is_not_an_answer() {
    let t = T::new();
    let mut app = app();
    app.screen = Screen::Home;
    app::reminder::start(&mut app, None, Vec::new(), t.at(0));
    // Due an hour later, on any day (the reminder's own hours aside).
    app.settings.reminder = backcoach::domain::reminder_settings::ReminderSettings {
        days: backcoach::domain::reminder_settings::WEEK.to_vec().into(),
        hours: Hours::parse("00:00-24:00").unwrap(),
        ..Default::default()
    };
    send(&mut app, &[Outcome::Tick], t.at(3600));
    assert!(app.reminder.showing);
    assert_eq!(
        keys::map(key(KeyCode::Char('?')), &app),
        Some(Intent::ToggleHelp)
    );
    send(&mut app, &[Intent::ToggleHelp], t.at(3601));
    let text = screen_at(&app, 80, 24);
    assert!(text.contains("Keys: Stand-up reminder"), "{text}");
    assert!(text.contains("skip this one"), "{text}");
    // Esc closes the help first, then the overlay, with no record.
    let cmds = send(&mut app, &[Intent::Back], t.at(3602));
    assert!(cmds.is_empty() && app.reminder.showing && !app.help_open);
    let cmds = send(&mut app, &[Intent::Back], t.at(3603));
    assert_eq!(cmds, vec![Cmd::SaveSchedule], "nothing recorded");
    assert!(!app.reminder.showing);
    // Back after the snooze length.
    let snooze = u64::from(app.settings.reminder.snooze_minutes) * 60;
    send(&mut app, &[Outcome::Tick], t.at(3603 + snooze - 5));
    assert!(!app.reminder.showing);
    send(&mut app, &[Outcome::Tick], t.at(3603 + snooze));
    assert!(app.reminder.showing);
    // Skip keeps its own key.
    assert_eq!(
        keys::map(key(KeyCode::Char('n')), &app),
        Some(Intent::StandupSkip)
    );
}
