//! Content loading: the real assets, a corpus of broken files, and
//! arbitrary bytes.

use backcoach::content::load;
use backcoach::content::model::{Locks, Position, Sides, TherapyKind};
use backcoach::content::problem::Problem;
use backcoach::content::source::{self, Source};
use backcoach::content::validate::{TAG_EXTENSION, TAG_STENOSIS_FRIENDLY, THERAPY_CAP_MINUTES};
use proptest::prelude::*;

fn user(name: &str, text: &str) -> Source {
    Source {
        name: name.to_owned(),
        text: text.to_owned(),
        builtin: false,
    }
}

/// Loads the built-in content plus the given user files, expecting failure.
fn problems_with(files: &[Source]) -> Vec<Problem> {
    let mut sources = source::builtin();
    sources.extend_from_slice(files);
    load::load(&sources).expect_err("expected content problems")
}

fn rendered(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("{p}\n")).collect()
}

const GOOD_EXERCISE: &str = r#"(id: "wall_lean", name: "Wall lean", position: standing,
    steps: ["Lean on the wall."], dose: (hold_secs: 5))"#;

#[test]
fn built_in_content_is_valid_and_complete() {
    let content = load::load(&source::builtin()).unwrap_or_else(|p| panic!("{}", rendered(&p)));
    let ids = |v: &[backcoach::content::model::Exercise]| -> Vec<String> {
        v.iter().map(|e| e.id.clone()).collect()
    };
    assert_eq!(
        ids(&content.exercises),
        [
            "seated_trunk_rotation",
            "supine_twist",
            "knee_to_chest",
            "pelvic_tilt",
            "open_book",
            "cobra",
            "childs_pose"
        ]
    );
    assert_eq!(
        ids(&content.techniques),
        [
            "seated_chair_extension",
            "seated_floor_twist",
            "lying_spinal_twist"
        ]
    );
    assert!(content.techniques.iter().all(|t| t.gated));
    // The numbers from the facts, exactly.
    let pelvic = content.exercise("pelvic_tilt").unwrap();
    assert_eq!((pelvic.dose.hold_secs, pelvic.dose.sets), (Some(5), 3));
    let knee = content.exercise("knee_to_chest").unwrap();
    assert_eq!((knee.dose.reps, knee.dose.sides), (5, Sides::Both));
    let open_book = content.exercise("open_book").unwrap();
    assert!((2..=5).contains(&open_book.dose.hold_secs.unwrap()));
    assert!((10..=15).contains(&open_book.dose.reps));
    assert_eq!(open_book.position, Position::LyingOnSide);
    let twist = content.exercise("supine_twist").unwrap();
    assert!(twist.dose.hold_as_comfortable && twist.dose.hold_secs.is_some());
    assert!(
        content
            .exercise("cobra")
            .unwrap()
            .tags
            .iter()
            .any(|t| t == TAG_EXTENSION)
    );
    // Every stenosis-friendly routine is free of extension moves.
    for routine in content
        .routines
        .iter()
        .filter(|r| r.tags.iter().any(|t| t == TAG_STENOSIS_FRIENDLY))
    {
        for item in &routine.items {
            let exercise = content.exercise(&item.exercise).unwrap();
            assert!(
                !exercise.tags.iter().any(|t| t == TAG_EXTENSION),
                "{}",
                exercise.id
            );
        }
    }
    // Checklist: the stenosis question locks only extension moves; urgent
    // red flags exist; every mode of therapy is present and within the cap.
    assert!(
        content
            .checklist
            .iter()
            .any(|c| c.locks == Locks::Tagged(TAG_EXTENSION.into()))
    );
    assert!(content.checklist.iter().filter(|c| c.urgent).count() >= 4);
    for kind in [TherapyKind::Heat, TherapyKind::Cold, TherapyKind::Contrast] {
        let mode = content.therapy.iter().find(|m| m.mode == kind).unwrap();
        assert!(mode.default_minutes <= THERAPY_CAP_MINUTES);
    }
    let risks = content.warning("risks").unwrap();
    assert_eq!(
        risks.items.len(),
        7,
        "all seven risks of forceful self-cracking"
    );
    assert!(content.warning("coach_not_diagnosis").is_some());
    assert!(content.warning("neck").is_some());
}

#[test]
fn every_built_in_file_carries_a_version_and_parses_alone() {
    for source in source::builtin() {
        assert!(source.text.contains("version: 1"), "{}", source.name);
        load::parse(&source).unwrap_or_else(|p| panic!("{p}"));
    }
}

#[test]
fn syntax_error_is_located_with_line_column_and_caret() {
    let text = "(version: 1, exercises: [\n  (id: \"a\" name: \"A\")\n])";
    let problems = problems_with(&[user("mine.ron", text)]);
    assert_eq!(problems.len(), 1);
    let shown = problems[0].to_string();
    let mut lines = shown.lines();
    let first = lines.next().unwrap();
    assert!(first.starts_with("mine.ron:2:"), "{shown}");
    assert_eq!(lines.next().unwrap(), "2 |   (id: \"a\" name: \"A\")");
    let caret = lines.next().unwrap();
    let column: usize = first.split(':').nth(2).unwrap().parse().unwrap();
    assert_eq!(
        caret.find('^').unwrap(),
        "2 | ".len() + column - 1,
        "{shown}"
    );
}

#[test]
fn wrong_type_is_located() {
    let text = "(version: 1, exercises: [(id: \"a\", name: \"A\", position: chair,\n steps: [\"x\"], dose: (hold_secs: \"long\"))])";
    let shown = rendered(&problems_with(&[user("types.ron", text)]));
    assert!(shown.starts_with("types.ron:2:"), "{shown}");
}

#[test]
fn unknown_field_is_located_and_named() {
    let text = "(version: 1, exercises: [(id: \"a\", name: \"A\", position: chair,\n steps: [\"x\"], dose: (), colour: \"red\")])";
    let shown = rendered(&problems_with(&[user("extra.ron", text)]));
    assert!(shown.starts_with("extra.ron:2:"), "{shown}");
    assert!(shown.contains("`colour`"), "{shown}");
}

#[test]
fn unknown_position_is_located() {
    let text = "(version: 1, exercises: [(id: \"a\", name: \"A\", position: upside_down,\n steps: [\"x\"], dose: ())])";
    let shown = rendered(&problems_with(&[user("pos.ron", text)]));
    assert!(shown.starts_with("pos.ron:1:"), "{shown}");
}

#[test]
fn duplicate_id_in_one_file_is_reported_by_entry() {
    let text = format!("(version: 1, exercises: [{GOOD_EXERCISE}, {GOOD_EXERCISE}])");
    let shown = rendered(&problems_with(&[user("dup.ron", &text)]));
    assert!(
        shown.contains("dup.ron: entry wall_lean: duplicate exercise id"),
        "{shown}"
    );
}

#[test]
fn same_id_in_two_user_files_is_an_error_but_replacing_built_in_is_not() {
    let text = format!("(version: 1, exercises: [{GOOD_EXERCISE}])");
    let shown = rendered(&problems_with(&[
        user("a.ron", &text),
        user("b.ron", &text),
    ]));
    assert!(
        shown.contains("b.ron: entry wall_lean: duplicate exercise id (first defined in a.ron)"),
        "{shown}"
    );

    let replacement = "(version: 1, exercises: [(id: \"cobra\", name: \"Gentle cobra\", position: lying_face_down,\n steps: [\"Rise a little.\"], dose: (hold_secs: 3), tags: [\"extension\"])])";
    let mut sources = source::builtin();
    sources.push(user("mine.ron", replacement));
    let content = load::load(&sources).unwrap_or_else(|p| panic!("{}", rendered(&p)));
    assert_eq!(content.exercises.len(), 7);
    assert_eq!(content.exercise("cobra").unwrap().name, "Gentle cobra");
}

#[test]
fn dangling_routine_reference_is_reported() {
    let text = "(version: 1, routines: [(id: \"mine\", name: \"Mine\", items: [(exercise: \"handstand\")])])";
    let shown = rendered(&problems_with(&[user("r.ron", text)]));
    assert!(
        shown.contains("r.ron: entry mine: names an unknown exercise `handstand`"),
        "{shown}"
    );
}

#[test]
fn technique_in_a_routine_is_refused() {
    let text = "(version: 1, routines: [(id: \"pop\", name: \"Pop\", items: [(exercise: \"seated_floor_twist\")])])";
    let shown = rendered(&problems_with(&[user("r.ron", text)]));
    assert!(
        shown.contains("entry pop: `seated_floor_twist` is a self-release technique"),
        "{shown}"
    );
}

#[test]
fn stenosis_routine_with_extension_move_is_refused() {
    let text = "(version: 1, routines: [(id: \"st\", name: \"St\", tags: [\"stenosis_friendly\"],\n items: [(exercise: \"pelvic_tilt\"), (exercise: \"cobra\")])])";
    let shown = rendered(&problems_with(&[user("st.ron", text)]));
    assert!(
        shown.contains("entry st: is tagged stenosis_friendly but includes `cobra`"),
        "{shown}"
    );
}

#[test]
fn over_cap_therapy_is_refused_in_duration_and_pattern() {
    let text = "(version: 1, therapy: [
        (mode: heat, name: \"Heat\", helps_with: [], how: [], safety: [], default_minutes: 25),
        (mode: contrast, name: \"Contrast\", helps_with: [], how: [], safety: [], default_minutes: 20,
         pattern: [(kind: heat, minutes: 12), (kind: cold, minutes: 12)]),
    ])";
    let shown = rendered(&problems_with(&[user("t.ron", text)]));
    assert!(
        shown.contains("t.ron: entry heat: a therapy duration of 25 minutes"),
        "{shown}"
    );
    assert!(
        shown.contains("t.ron: entry contrast: the pattern adds up to 24 minutes"),
        "{shown}"
    );
}

#[test]
fn dose_out_of_range_is_refused() {
    let text = "(version: 1, exercises: [(id: \"x\", name: \"X\", position: chair, steps: [\"a\"],\n dose: (hold_secs: 301, reps: 0))])";
    let shown = rendered(&problems_with(&[user("d.ron", text)]));
    assert!(
        shown.contains("d.ron: entry x: a hold of 301 s is outside 1..=300 seconds"),
        "{shown}"
    );
    assert!(
        shown.contains("d.ron: entry x: reps must be at least 1"),
        "{shown}"
    );
}

#[test]
fn user_content_cannot_ungate_a_technique_or_add_a_neck_one() {
    let text = "(version: 1, techniques: [
        (id: \"seated_floor_twist\", name: \"Twist\", position: floor, steps: [\"a\"], dose: ()),
        (id: \"neck_roll\", name: \"Neck roll\", position: chair, steps: [\"a\"], dose: (), gated: true),
    ], exercises: [(id: \"sneaky\", name: \"Sneaky\", position: chair, steps: [\"a\"], dose: (),
        tags: [\"self_release\"])])";
    let shown = rendered(&problems_with(&[user("g.ron", text)]));
    assert!(
        shown.contains(
            "entry seated_floor_twist: a self-release technique must be marked `gated: true`"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("entry neck_roll: neck techniques are not allowed"),
        "{shown}"
    );
    assert!(
        shown.contains("entry sneaky: self-release moves belong in the `techniques` section"),
        "{shown}"
    );
}

#[test]
fn every_problem_in_every_file_is_reported_at_once() {
    let syntax = user("one.ron", "(version: 1, exercises: [");
    let version = user("two.ron", "(version: 9)");
    let rule = user(
        "three.ron",
        "(version: 1, routines: [(id: \"r\", name: \"R\", items: [])])",
    );
    let problems = problems_with(&[syntax, version, rule]);
    let shown = rendered(&problems);
    assert_eq!(problems.len(), 3, "{shown}");
    assert!(shown.contains("one.ron:1:"), "{shown}");
    assert!(
        shown.contains("two.ron: version 9 is not supported"),
        "{shown}"
    );
    assert!(
        shown.contains("three.ron: entry r: a routine needs at least one exercise"),
        "{shown}"
    );
}

#[test]
fn invalid_utf8_is_located() {
    let problem = source::text_of("bin.ron", b"(version: 1,\n  \xff)".to_vec()).unwrap_err();
    assert!(
        problem
            .to_string()
            .starts_with("bin.ron:2:3: this is not UTF-8 text"),
        "{problem}"
    );
}

#[test]
fn oversized_files_are_refused_unread() {
    let dir = std::env::temp_dir().join(format!("backcoach-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.ron");
    std::fs::write(&path, vec![b' '; (source::MAX_CONTENT_BYTES + 1) as usize]).unwrap();
    let (sources, problems) = source::read_path(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(sources.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().contains("limited to 1 MiB"),
        "{}",
        problems[0]
    );
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(text) = source::text_of("fuzz.ron", bytes) {
            let _ = load::load(&[user("fuzz.ron", &text)]);
        }
    }

    #[test]
    fn arbitrary_ron_like_text_never_panics(text in r#"[\(\)\[\]:,"a-z0-9_ \n]{0,200}"#) {
        let _ = load::load(&[user("fuzz.ron", &format!("(version: 1, {text}"))]);
    }
}
