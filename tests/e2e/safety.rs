//! End-to-end: the safety gate, the techniques and the warnings review in
//! the real binary, in a pseudo-terminal.

use std::ffi::OsStr;

use crate::support::{
    DISCLAIMER_TITLE, ENTER, ESC, HOME_TITLE, LIBRARY_TITLE, Tui, World, open_home_entry,
    start_at_home,
};

const CHECKLIST: &str = "Question 1 of 16";
const LOCKED: &str = "Self-release stays locked today";
const QUESTIONS: usize = 16;

/// Starts `backcoach ARGS` and gets past the first-run statement.
fn start(world: &World, args: &[&str]) -> Tui {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let mut tui = world.spawn(&args, 80, 24);
    tui.wait_for(DISCLAIMER_TITLE);
    tui.send(ENTER);
    tui
}

/// Answers "yes" to the questions at these positions and "no" to the rest,
/// then presses Enter.
fn answer(tui: &mut Tui, yes: &[usize]) {
    tui.wait_for(CHECKLIST);
    for i in 0..QUESTIONS {
        tui.send(if yes.contains(&i) { b"y" } else { b"n" });
    }
    tui.wait_for(&format!("{QUESTIONS} of {QUESTIONS} answered"));
    tui.send(ENTER);
}

fn history(world: &World) -> String {
    crate::support::disk::history_text(&world.data_dir())
}

fn quit_from_home(mut tui: Tui) {
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "exit status {:?}", ended.status);
    ended.assert_terminal_restored();
}

#[test]
fn a_red_flag_yes_keeps_the_techniques_locked() {
    let world = World::new();
    let mut tui = start(&world, &["release", "seated_floor_twist"]);
    // Holding Enter on the untouched list does not pass it.
    tui.wait_for(CHECKLIST);
    for _ in 0..20 {
        tui.send(ENTER);
    }
    tui.wait_for("16 left");
    // Question 8 is the fever: an urgent red flag.
    answer(&mut tui, &[7]);
    tui.wait_for(LOCKED);
    tui.wait_for("! URGENT:");
    for _ in 0..3 {
        tui.send(ENTER);
        tui.wait_for("stays locked today:");
        tui.send(b"j");
    }
    assert!(!tui.screen().contains("Step 1 of"), "{}", tui.screen());
    assert!(!history(&world).contains("release_used"));
    tui.send(ESC);
    quit_from_home(tui);

    // A second run the same day: still closed, no new chance to answer.
    let mut again = world.spawn(&[OsStr::new("release")], 80, 24);
    again.wait_for(LOCKED);
    again.send(ESC);
    quit_from_home(again);
}

#[test]
fn all_no_opens_the_technique_and_it_hurt_closes_the_day() {
    let world = World::new();
    let mut tui = start(&world, &["release", "lying_spinal_twist"]);
    answer(&mut tui, &[]);
    tui.wait_for("Lying spinal twist");
    tui.wait_for("Step 1 of 6");
    tui.wait_for("Never chase the pop");
    assert!(history(&world).contains(r#""kind":"release_used""#));
    tui.send(b"!");
    tui.wait_for("Stop and get help");
    assert!(history(&world).contains(r#""kind":"release_hurt""#));
    tui.send(ESC);
    quit_from_home(tui);

    let mut again = world.spawn(
        &[OsStr::new("release"), OsStr::new("seated_floor_twist")],
        80,
        24,
    );
    again.wait_for("Stop and get help");
    assert!(!again.screen().contains("Step 1 of"));
    again.send(ESC);
    quit_from_home(again);
}

#[test]
fn home_and_library_lead_to_the_checklist_first() {
    let world = World::new();
    let mut tui = start_at_home(&world, &[]);
    open_home_entry(&mut tui, backcoach::app::HomeEntry::SelfRelease);
    tui.wait_for(CHECKLIST);
    tui.send(ESC);
    tui.wait_for(HOME_TITLE);
    tui.send(b"g");
    tui.send(ENTER);
    tui.wait_for(LIBRARY_TITLE);
    tui.send(b"s");
    tui.wait_for(CHECKLIST);
    tui.send(ESC);
    tui.wait_for(LIBRARY_TITLE);
    tui.send(ESC);
    quit_from_home(tui);
}

#[test]
fn unknown_technique_exits_2_listing_the_valid_ids() {
    let world = World::new();
    let out = world.run(
        &world
            .app_args(&[OsStr::new("release"), OsStr::new("neck_crack")])
            .iter()
            .map(|a| a.as_os_str())
            .collect::<Vec<_>>(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("unknown technique `neck_crack`")
            && stderr.contains("seated_chair_extension, seated_floor_twist, lying_spinal_twist"),
        "{stderr}"
    );
    assert!(!world.data_dir().exists(), "nothing was written");
}

#[test]
fn safety_print_has_every_warning_and_no_escape_bytes() {
    let world = World::new();
    let out = world.run(&[OsStr::new("safety"), OsStr::new("--print")]);
    assert!(out.status.success(), "{out:?}");
    assert!(!out.stdout.contains(&0x1b), "escape bytes in the print-out");
    let text = String::from_utf8(out.stdout).unwrap();
    // Words are compared without line breaks: the print-out is wrapped.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let content = backcoach::content::load::load(&backcoach::content::source::builtin()).unwrap();
    assert!(content.warnings.len() >= 9);
    for section in &content.warnings {
        let intro = section
            .intro
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains(&section.title), "{}", section.title);
        assert!(flat.contains(&intro), "{}", section.id);
        for item in &section.items {
            let line = format!("{}: {}", item.title, item.text);
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&line), "{line}");
            if item.urgent {
                assert!(
                    flat.contains(&format!("URGENT: {}", item.title)),
                    "{}",
                    item.title
                );
            }
        }
    }
    assert_eq!(content.warning("risks").unwrap().items.len(), 7);
    assert!(!world.data_dir().exists(), "printing writes nothing");
}

#[test]
fn safety_opens_the_review_and_reading_to_the_end_is_recorded() {
    let world = World::new();
    let mut tui = start(&world, &["safety"]);
    tui.wait_for("Not reviewed yet");
    tui.wait_for("A coach, not a diagnosis");
    assert!(!history(&world).contains("warnings_reviewed"));
    tui.send(b"G");
    tui.wait_for("Last reviewed");
    tui.wait_for("(end)");
    assert!(history(&world).contains(r#""kind":"warnings_reviewed""#));
    tui.send(ESC);
    quit_from_home(tui);

    let mut again = world.spawn(&[OsStr::new("safety")], 80, 24);
    again.wait_for("Last reviewed");
    again.send(ESC);
    quit_from_home(again);
}
