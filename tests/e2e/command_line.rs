//! The command line without a terminal: usage errors (one line naming the
//! argument, the valid values and the subcommand's `--help`), shell
//! completions, the man page and `help --help`.

use std::ffi::{OsStr, OsString};
use std::process::Output;

#[allow(clippy::wildcard_imports)]
use crate::support::*;

/// Runs the binary with `args` in a fresh private environment.
fn run(world: &World, args: &[&str]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    world.run(&args)
}

/// The one line a refused command line prints, after checking it is one
/// line on stderr, exit 2, nothing on stdout.
fn usage_line(world: &World, args: &[&str]) -> String {
    let out = run(world, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    assert!(out.stdout.is_empty(), "{args:?}: stdout {:?}", out.stdout);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr:?}");
    assert!(stderr.starts_with("backcoach: "), "{stderr:?}");
    stderr.trim_end().to_owned()
}

#[test]
fn a_missing_argument_is_named_with_its_values() {
    let world = World::new();
    let line = usage_line(&world, &["timer"]);
    assert!(line.contains("<MODE>"), "{line}");
    assert!(line.contains("heat, cold, contrast"), "{line}");
    assert!(line.ends_with("(see backcoach timer --help)"), "{line}");
}

#[test]
fn a_bad_value_lists_the_valid_ones() {
    let world = World::new();
    let line = usage_line(&world, &["timer", "warm"]);
    assert!(line.contains("`warm`") && line.contains("<MODE>"), "{line}");
    assert!(line.contains("heat, cold, contrast"), "{line}");
    assert!(line.ends_with("(see backcoach timer --help)"), "{line}");

    let line = usage_line(&world, &["history", "--format", "CSV"]);
    assert!(
        line.contains("`CSV`") && line.contains("--format"),
        "{line}"
    );
    assert!(line.contains("table, csv, json"), "{line}");
    assert!(line.ends_with("(see backcoach history --help)"), "{line}");
}

#[test]
fn top_level_errors_point_to_the_top_level_help() {
    let world = World::new();
    let line = usage_line(&world, &["frob"]);
    assert!(line.contains("`frob`"), "{line}");
    assert!(line.contains("timer"), "lists the commands: {line}");
    assert!(line.ends_with("(see backcoach --help)"), "{line}");

    let line = usage_line(&world, &["--bogus"]);
    assert!(line.contains("`--bogus`"), "{line}");
    assert!(line.ends_with("(see backcoach --help)"), "{line}");
}

#[test]
fn durations_are_refused_by_each_flags_rule() {
    let world = World::new();
    let line = usage_line(&world, &["timer", "heat", "--duration", "1h"]);
    assert!(line.contains("--duration"), "{line}");
    assert!(line.contains("20-minute cap for heat and cold"), "{line}");
    assert!(line.ends_with("(see backcoach timer --help)"), "{line}");

    let line = usage_line(&world, &["timer", "cold", "--duration", "15"]);
    assert!(line.contains("`15` needs a unit"), "{line}");

    let line = usage_line(&world, &["remind", "--every", "7h"]);
    assert!(
        line.contains("`7h` is out of range: --every must be from 1s to 180m"),
        "{line}"
    );
    assert!(line.ends_with("(see backcoach remind --help)"), "{line}");

    let line = usage_line(&world, &["remind", "--every", "45"]);
    assert!(line.contains("`45` needs a unit"), "{line}");
}

#[test]
fn control_characters_in_arguments_are_not_echoed_raw() {
    let world = World::new();
    let hostile = "\u{1b}]0;X\u{7}";
    for args in [
        vec!["timer", hostile],
        vec!["history", "--format", hostile],
        vec!["timer", "heat", "--duration", hostile],
        vec![hostile],
        vec!["session", hostile],
    ] {
        let line = usage_line(&world, &args);
        assert!(!line.chars().any(char::is_control), "{args:?}: {line:?}");
        assert!(line.contains("\\u{1b}"), "{args:?}: {line:?}");
    }
}

#[test]
fn help_help_and_help_of_a_command_go_to_stdout() {
    let world = World::new();
    for args in [
        vec!["help", "--help"],
        vec!["help"],
        vec!["help", "timer"],
        vec!["--help"],
    ] {
        let out = run(&world, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Usage: backcoach"), "{args:?}: {text}");
    }
    let text = String::from_utf8(run(&world, &["help", "timer"]).stdout).unwrap();
    assert!(text.contains("Usage: backcoach timer"), "{text}");

    let line = usage_line(&world, &["help", "frob"]);
    assert!(line.contains("`frob`"), "{line}");
}

/// Runs a command that needs neither content nor data, with a content
/// folder that does not exist and a data folder that must stay absent.
fn run_without_folders(world: &World, args: &[&str]) -> Output {
    let mut full: Vec<OsString> = vec![
        "--content".into(),
        world.path("no-such-content").into(),
        "--data-dir".into(),
        world.data_dir().into(),
    ];
    full.extend(args.iter().map(OsString::from));
    let full: Vec<&OsStr> = full.iter().map(OsString::as_os_str).collect();
    let out = world.run(&full);
    assert!(!world.data_dir().exists(), "{args:?} made the data folder");
    out
}

#[test]
fn completions_for_every_shell() {
    let world = World::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run_without_folders(&world, &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {out:?}");
        assert!(out.stderr.is_empty(), "{shell}: {out:?}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains("backcoach"), "{shell}: {script}");
        assert!(script.contains("timer"), "{shell}: {script}");
    }
    let line = usage_line(&world, &["completions", "tcsh"]);
    assert!(
        line.contains("bash, elvish, fish, powershell, zsh"),
        "{line}"
    );
}

#[test]
fn man_prints_one_roff_page() {
    let world = World::new();
    let out = run_without_folders(&world, &["man"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.lines().all(|l| !l.is_empty()), "no blank roff lines");
    let first_control = page
        .lines()
        .find(|l| l.starts_with(".TH") || l.starts_with(".SH"))
        .unwrap();
    assert!(
        first_control.starts_with(".TH backcoach 1"),
        "{first_control}"
    );
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS"] {
        assert!(page.contains(section), "{section} missing:\n{page}");
    }
    assert!(page.contains("backcoach timer"), "{page}");
    assert!(
        !page.contains("backcoach\\-timer(1)"),
        "points to pages that are not installed"
    );
}
