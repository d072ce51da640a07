//! End-to-end: `backcoach report` over a log in every format, the
//! default dates, a usage error, and a failed write to stdout.

use std::ffi::OsStr;
use std::fs;

use crate::support::*;

fn with_log(world: &World) {
    let data = world.data_dir();
    fs::create_dir_all(data.join("history")).unwrap();
    let log = "{\"version\":1,\"kind\":\"session\",\"started\":\"2026-11-20T09:00:00+01:00\",\"duration_secs\":290,\"routine\":\"desk_reset\",\"exercises\":[{\"exercise\":\"seated_trunk_rotation\",\"outcome\":\"done\",\"rating\":\"hard\"}],\"pain_before\":4,\"pain_after\":2,\"outcome\":\"completed\"}\n\
{\"version\":1,\"kind\":\"standup\",\"at\":\"2026-11-20T10:00:00+01:00\",\"outcome\":\"done\"}\n";
    fs::write(data.join("history/laptop-a1b2c3.jsonl"), log).unwrap();
}

fn report(world: &World, extra: &[&str]) -> std::process::Output {
    let mut args: Vec<&OsStr> = vec![OsStr::new("report")];
    args.extend(extra.iter().map(OsStr::new));
    let all = world.app_args(&args);
    let all: Vec<&OsStr> = all.iter().map(|a| a.as_os_str()).collect();
    world.run(&all)
}

#[test]
fn the_report_prints_in_every_format() {
    let world = World::new();
    with_log(&world);
    let dates = ["--since", "2026-11-01", "--until", "2026-11-28"];
    let text = report(&world, &dates);
    assert!(text.status.success(), "{text:?}");
    let said = String::from_utf8_lossy(&text.stdout);
    assert!(said.contains("2026-11-20  Desk reset  completed"), "{said}");
    assert!(
        said.contains("Seated trunk rotation  0     0            1"),
        "{said}"
    );
    let md = report(&world, &[&dates[..], &["--format", "md"]].concat());
    assert!(
        String::from_utf8_lossy(&md.stdout).contains("| 2026-11-20 | Desk reset | completed |")
    );
    let html = report(&world, &[&dates[..], &["--format", "html"]].concat());
    let page = String::from_utf8_lossy(&html.stdout);
    assert!(
        page.starts_with("<!DOCTYPE html>") && page.contains("<svg"),
        "{page}"
    );
    // Without --since, the 4 weeks up to --until (today by default).
    let before = report(&world, &["--until", "2026-10-01"]);
    let said = String::from_utf8_lossy(&before.stdout);
    assert!(
        said.starts_with("backcoach report, 2026-09-04 to 2026-10-01"),
        "{said}"
    );
    assert!(said.contains("No sessions."), "{said}");
}

#[test]
fn bad_dates_are_a_usage_error_and_a_failed_write_fails() {
    let world = World::new();
    with_log(&world);
    let backwards = report(&world, &["--since", "2026-11-20", "--until", "2026-11-01"]);
    assert_eq!(backwards.status.code(), Some(2), "{backwards:?}");
    let Ok(full) = fs::File::options().write(true).open("/dev/full") else {
        println!("skipped: this machine has no /dev/full");
        return;
    };
    let args = world.app_args(&[OsStr::new("report")]);
    let args: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = world.command(&args).stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write to stdout"));
}
