//! The one duration grammar (`90s`, `15m`, `1h`, `1h30m`, `1m30s`) and how
//! each flag adds its own range to it: `timer --duration` above zero and
//! within the heat/cold cap, `remind --every` from 1s to 180m.

use std::time::Duration;

use backcoach::cli::{Cli, Command};
use backcoach::time::duration::parse;
use chrono::TimeDelta;
use clap::Parser;
use proptest::prelude::*;

const S: Duration = Duration::from_secs(1);
const M: Duration = Duration::from_secs(60);
const H: Duration = Duration::from_secs(3600);

#[test]
fn every_form_parses() {
    for (text, expected) in [
        ("90s", 90 * S),
        ("15m", 15 * M),
        ("1h", H),
        ("1h30m", H + 30 * M),
        ("1m30s", 90 * S),
        ("1h2m3s", H + 2 * M + 3 * S),
        ("1h 30m", H + 30 * M),
        ("  45m ", 45 * M),
        ("007m", 7 * M),
    ] {
        assert_eq!(parse(text), Ok(expected), "{text:?}");
    }
}

#[test]
fn the_grammar_knows_no_range() {
    assert_eq!(parse("0s"), Ok(Duration::ZERO));
    assert_eq!(parse("9h"), Ok(9 * H));
}

#[test]
fn a_bare_number_needs_a_unit() {
    for text in ["15", "90", "1m30", "1h 30"] {
        let err = parse(text).unwrap_err();
        assert!(err.contains("needs a unit"), "{text:?}: {err}");
        assert!(err.contains(&format!("`{text}`")), "not quoted: {err}");
    }
}

#[test]
fn malformed_text_is_refused_with_the_text_quoted() {
    for (text, reason) in [
        ("soon", "not a duration"),
        ("m", "not a duration"),
        ("1.5m", "not a duration"),
        ("-5m", "not a duration"),
        ("15 m", "not a duration"),
        ("1d", "not a duration"),
        ("30s1m", "largest first"),
        ("1m1m", "largest first"),
        ("99999999999999999999m", "too long"),
        ("5124095576030432h", "too long"),
    ] {
        let err = parse(text).unwrap_err();
        assert!(err.contains(reason), "{text:?}: {err}");
        assert!(err.contains(&format!("`{text}`")), "not quoted: {err}");
    }
    assert!(parse("").unwrap_err().contains("duration is needed"));
    assert!(parse("   ").unwrap_err().contains("duration is needed"));
}

#[test]
fn control_characters_are_escaped_in_messages() {
    let err = parse("\u{1b}]0;X\u{7}").unwrap_err();
    assert!(!err.chars().any(char::is_control), "{err:?}");
    assert!(err.contains("\\u{1b}"), "{err}");
}

proptest! {
    #[test]
    fn any_text_gives_a_duration_or_one_printable_line(text in "\\PC*|[0-9hms \\x00-\\x1f]*") {
        if let Err(err) = parse(&text) {
            prop_assert!(!err.chars().any(char::is_control), "{:?}", err);
        }
    }
}

/// `timer heat --duration TEXT` through the command line.
fn timer_length(text: &str) -> Result<Duration, String> {
    match Cli::try_parse_from(["backcoach", "timer", "heat", "--duration", text]) {
        Ok(Cli {
            command:
                Some(Command::Timer {
                    duration: Some(length),
                    ..
                }),
            ..
        }) => Ok(length),
        Ok(other) => panic!("{text:?} parsed as {other:?}"),
        Err(err) => Err(err.to_string()),
    }
}

/// `remind --every TEXT` through the command line.
fn remind_every(text: &str) -> Result<TimeDelta, String> {
    match Cli::try_parse_from(["backcoach", "remind", "--every", text]) {
        Ok(Cli {
            command: Some(Command::Remind {
                every: Some(every), ..
            }),
            ..
        }) => Ok(every),
        Ok(other) => panic!("{text:?} parsed as {other:?}"),
        Err(err) => Err(err.to_string()),
    }
}

#[test]
fn timer_duration_takes_every_form_within_the_cap() {
    for (text, expected) in [
        ("90s", 90 * S),
        ("15m", 15 * M),
        ("1m30s", 90 * S),
        ("0h20m", 20 * M),
        ("20m", 20 * M),
        ("1s", S),
    ] {
        assert_eq!(timer_length(text), Ok(expected), "{text:?}");
    }
}

#[test]
fn timer_duration_over_the_cap_says_so() {
    for text in ["1h", "1h30m", "21m", "20m1s"] {
        let err = timer_length(text).unwrap_err();
        assert!(
            err.contains("over the 20-minute cap for heat and cold"),
            "{text:?}: {err}"
        );
        assert!(!err.contains("not a length"), "{err}");
    }
    assert!(timer_length("0s").unwrap_err().contains("above zero"));
    assert!(timer_length("15").unwrap_err().contains("needs a unit"));
}

#[test]
fn remind_every_takes_every_form_from_1s_to_180m() {
    for (text, seconds) in [
        ("90s", 90),
        ("15m", 15 * 60),
        ("1h", 3600),
        ("1h30m", 5400),
        ("1m30s", 90),
        ("1s", 1),
        ("180m", 180 * 60),
        ("3h", 180 * 60),
    ] {
        assert_eq!(
            remind_every(text),
            Ok(TimeDelta::seconds(seconds)),
            "{text:?}"
        );
    }
}

#[test]
fn remind_every_out_of_range_keeps_its_message() {
    for text in ["7h", "181m", "3h1s", "0s"] {
        let err = remind_every(text).unwrap_err();
        assert!(
            err.contains(&format!(
                "`{text}` is out of range: --every must be from 1s to 180m"
            )),
            "{text:?}: {err}"
        );
    }
    assert!(remind_every("45").unwrap_err().contains("needs a unit"));
}
