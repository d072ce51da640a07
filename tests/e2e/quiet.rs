//! `backcoach quiet 45m|off`: stand-up alerts muted until a time, seen by
//! `status`; a bad length is refused with one line.

use std::process::Output;

#[allow(clippy::wildcard_imports)]
use crate::support::*;

fn run(world: &World, extra: &[&str]) -> Output {
    world.run_in_data(extra)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn quiet_for_a_while_then_off_and_status_says_so() {
    let world = World::acknowledged("");
    let out = run(&world, &["quiet", "45m"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let until = (chrono::Local::now() + chrono::TimeDelta::minutes(45))
        .format("%H:%M")
        .to_string();
    let said = stdout(&out);
    assert!(
        said.starts_with("Stand-up alerts are quiet until "),
        "{said}"
    );
    // The minute may turn between the two clocks.
    let shown = said
        .trim_end()
        .trim_end_matches('.')
        .rsplit(' ')
        .next()
        .unwrap()
        .to_owned();
    assert!(shown <= until, "{said} vs {until}");
    assert!(world.data_dir().join("quiet.ron").exists());
    let status = stdout(&run(&world, &["status"]));
    assert_eq!(status, format!("quiet until {shown}\n"));

    let out = run(&world, &["quiet", "off"]);
    assert_eq!(stdout(&out), "Stand-up alerts are on again.\n");
    assert!(!world.data_dir().join("quiet.ron").exists());
    let status = stdout(&run(&world, &["status"]));
    assert!(!status.contains("quiet"), "{status}");
}

#[test]
fn a_bad_length_is_refused_with_one_line() {
    let world = World::acknowledged("");
    for bad in ["soon", "45", "13h", "0m"] {
        let out = run(&world, &["quiet", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {out:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("1m to 12h"), "{err}");
    }
    assert!(!world.data_dir().join("quiet.ron").exists());
}
