//! Home with a home programme, in a pseudo-terminal: the programme shows
//! with its week, and its entry starts the routine due.

use std::ffi::OsStr;

use crate::support::disk::history_text;
use crate::support::*;

#[test]
fn home_shows_the_programme_and_starts_the_routine_due() {
    let world = World::acknowledged("");
    let content = world.path("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("plan.ron"),
        r#"(version: 1, programmes: [(
            id: "plan",
            name: "Test plan",
            prescribed_by: "Riverside Physiotherapy",
            start: "2020-01-06",
            routines: [(routine: "after_sitting", per_week: 3), (routine: "desk_reset", per_week: 2)],
            notes: "Call us if pain spreads to a leg.",
        )])"#,
    )
    .unwrap();
    let args = [OsStr::new("--content"), content.as_os_str()];
    let mut tui = world.spawn(&args, 80, 24);
    tui.wait_for(HOME_TITLE);
    tui.wait_for("8 Your programme: Test plan");
    tui.wait_for("0 of 5 this week · due today: After sitting");
    tui.wait_for("Programme from Riverside Physiotherapy");
    tui.wait_for("Call us if pain spreads to a leg.");
    tui.send(b"8");
    tui.wait_for("Pain check-in");
    tui.wait_for("After sitting");
    // Esc at the check-in records nothing and goes back, to Home.
    for _ in 0..3 {
        tui.send(b"\x1b");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    assert!(tui.end().status.success());
    assert!(history_text(&world.data_dir()).is_empty());
}
