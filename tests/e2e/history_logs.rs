//! End-to-end: `backcoach history` over the logs of two machines and the
//! old single log, every kind of record, names from the content (ids when
//! the content has problems), and what start-up makes of an old log.

use std::ffi::OsStr;
use std::fs;

use crate::support::*;

fn line(kind: &str, at: &str, rest: &str) -> String {
    format!("{{\"version\":1,\"kind\":\"{kind}\",\"at\":\"{at}\"{rest}}}\n")
}

/// A data folder with this machine's old log, another machine's log and
/// a sync conflict copy of it.
fn two_machines(world: &World) -> std::path::PathBuf {
    let data = world.data_dir();
    fs::create_dir_all(data.join("history")).unwrap();
    let session = "{\"version\":1,\"kind\":\"session\",\"started\":\"2026-11-20T09:00:00+01:00\",\"duration_secs\":290,\"routine\":\"desk_reset\",\"exercises\":[],\"outcome\":\"completed\"}\n";
    let old = line(
        "standup",
        "2026-11-19T10:00:00+01:00",
        ",\"outcome\":\"done\"",
    ) + session
        + &line(
            "release_used",
            "2026-11-21T10:00:00+01:00",
            ",\"technique\":\"seated_floor_twist\"",
        );
    fs::write(data.join("history.jsonl"), old).unwrap();
    let other = line(
        "standup",
        "2026-11-20T11:00:00+01:00",
        ",\"outcome\":\"skipped\"",
    ) + "{\"version\":1,\"kind\":\"therapy\",\"mode\":\"cold\",\"planned_secs\":600,\"actual_secs\":600,\"started\":\"2026-11-21T08:00:00+01:00\",\"ended\":\"2026-11-21T08:10:00+01:00\"}\n";
    fs::write(data.join("history/desktop-a1b2c3.jsonl"), &other).unwrap();
    fs::write(
        data.join("history/desktop-a1b2c3.sync-conflict-20261121.jsonl"),
        &other,
    )
    .unwrap();
    data
}

fn run(world: &World, args: &[&str]) -> std::process::Output {
    let data = world.data_dir();
    let mut all: Vec<&OsStr> = vec![OsStr::new("--data-dir"), data.as_os_str()];
    all.extend(args.iter().map(OsStr::new));
    world.command(&all).env("TZ", "XYZ-1").output().unwrap()
}

#[test]
fn every_kind_from_every_machine_prints_once_in_time_order() {
    let world = World::new();
    two_machines(&world);
    let out = run(&world, &["history", "--kind", "all"]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(rows.len(), 5, "{table}");
    let kinds: Vec<&str> = rows
        .iter()
        .map(|r| r[18..].split("  ").next().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "stand-up",
            "session",
            "stand-up",
            "heat/cold",
            "self-release"
        ],
        "{table}"
    );
    assert!(
        table.contains("2026-11-20 09:00  session        Desk reset"),
        "{table}"
    );
    assert!(table.contains("Seated floor twist"), "{table}");
    // The old log became this machine's, in the history folder.
    assert!(!world.data_dir().join("history.jsonl").exists());
    for (kind, rows) in [
        ("sessions", 1),
        ("therapy", 1),
        ("standups", 2),
        ("release", 1),
    ] {
        for format in ["table", "csv"] {
            let out = run(&world, &["history", "--kind", kind, "--format", format]);
            let text = String::from_utf8(out.stdout).unwrap();
            assert_eq!(text.lines().count(), rows + 1, "{kind} {format}: {text}");
        }
        let out = run(&world, &["history", "--kind", kind, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json.as_array().unwrap().len(), rows, "{kind}");
    }
    let out = run(
        &world,
        &[
            "history",
            "--kind",
            "all",
            "--format",
            "csv",
            "--since",
            "2026-11-20",
            "--until",
            "2026-11-20",
        ],
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
}

#[test]
fn content_with_problems_costs_only_the_names() {
    let world = World::new();
    two_machines(&world);
    let content = world.path("content");
    fs::create_dir(&content).unwrap();
    fs::write(content.join("bad.ron"), "(version: 1, routines: [(id: ").unwrap();
    let out = run(
        &world,
        &[
            "--content",
            content.to_str().unwrap(),
            "history",
            "--kind",
            "sessions",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("desk_reset"), "{table}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("ids are shown instead of names"),
        "{stderr}"
    );
}

#[test]
fn since_after_until_is_refused() {
    let world = World::new();
    let out = run(
        &world,
        &["history", "--since", "2026-11-22", "--until", "2026-11-01"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("--since 2026-11-22 is after --until 2026-11-01"),
        "{stderr}"
    );
}
