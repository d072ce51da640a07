//! The heat/cold session under the 20-minute cap, with explicit times on
//! both clocks: every way of reaching a length, suspends and clock jumps,
//! contrast segments and the rest gap.

use std::time::{Duration, Instant};

use backcoach::app::Now;
use backcoach::cli::{Cli, Command};
use backcoach::content::model::{TherapyKind, TherapyMode, TherapySegment};
use backcoach::domain::therapy::BootMark;
use backcoach::domain::therapy::{
    self, CAP, Running, Segment, Session, plan_longer, plan_shorter, rest_gap_ago,
};
use backcoach::time::words::clock;
use backcoach::time::{BootId, BootTime};
use chrono::{DateTime, FixedOffset, Local, TimeZone};
use clap::Parser;
use proptest::prelude::*;

const S: Duration = Duration::from_secs(1);
const M: Duration = Duration::from_secs(60);

/// A pair of clocks that tests move independently.
#[derive(Clone, Copy)]
struct Clocks {
    base: Instant,
    wall0: DateTime<Local>,
}

impl Clocks {
    fn new() -> Clocks {
        Clocks {
            base: Instant::now(),
            wall0: Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
        }
    }

    /// Monotonic `mono` and wall-clock `wall` seconds after the start.
    fn at(self, mono: i64, wall: i64) -> Now {
        Now::new(
            self.base + Duration::from_secs(u64::try_from(mono).unwrap()),
            self.wall0 + chrono::Duration::seconds(wall),
        )
    }

    /// Both clocks `secs` after the start.
    fn both(self, secs: i64) -> Now {
        self.at(secs, secs)
    }
}

fn session(kind: TherapyKind, planned: Duration, c: Clocks) -> Session {
    let pattern = if kind == TherapyKind::Contrast {
        contrast_pattern()
    } else {
        Vec::new()
    };
    Session::start(kind, planned, pattern, c.both(0))
}

fn contrast_pattern() -> Vec<Segment> {
    let mut pattern = Vec::new();
    for _ in 0..3 {
        pattern.push(Segment {
            kind: TherapyKind::Heat,
            secs: 180,
        });
        pattern.push(Segment {
            kind: TherapyKind::Cold,
            secs: 120,
        });
    }
    pattern
}

#[test]
fn holding_plus_before_the_start_stops_at_the_cap() {
    let mut planned = 15 * M;
    for _ in 0..200 {
        planned = plan_longer(planned);
        assert!(planned <= CAP);
    }
    assert_eq!(planned, 20 * M);
    for _ in 0..200 {
        planned = plan_shorter(planned);
    }
    assert_eq!(planned, M, "never below one minute by keys");
    assert_eq!(plan_shorter(3 * S), 3 * S, "a short CLI length is kept");
}

#[test]
fn holding_plus_while_running_stops_at_the_cap_from_the_real_start() {
    let c = Clocks::new();
    let mut s = session(TherapyKind::Heat, 10 * M, c);
    for _ in 0..200 {
        s.longer();
    }
    assert_eq!(s.planned(), CAP);
    // Nine minutes in, extending still ends 20 minutes after the start.
    let mut s = session(TherapyKind::Heat, 10 * M, c);
    let nine = c.both(9 * 60);
    for _ in 0..50 {
        s.longer();
    }
    assert_eq!(s.remaining(nine), 11 * M);
    assert!(s.is_over(c.both(20 * 60)));
}

#[test]
fn extending_after_shortening_is_still_capped() {
    let c = Clocks::new();
    let mut s = session(TherapyKind::Cold, 20 * M, c);
    for _ in 0..5 {
        s.shorter(c.both(60));
    }
    assert_eq!(s.planned(), 15 * M);
    for _ in 0..10 {
        s.longer();
    }
    assert_eq!(s.planned(), 20 * M);
    assert!(s.is_over(c.both(20 * 60)));
}

#[test]
fn shortening_stops_at_the_current_minute() {
    let c = Clocks::new();
    let mut s = session(TherapyKind::Heat, 10 * M, c);
    let now = c.both(4 * 60 + 30);
    for _ in 0..20 {
        s.shorter(now);
    }
    assert_eq!(s.planned(), 5 * M);
    assert_eq!(s.remaining(now), 30 * S);
}

#[test]
fn a_length_over_the_cap_is_clamped_wherever_it_comes_from() {
    let c = Clocks::new();
    // Straight into the domain.
    let s = session(TherapyKind::Heat, 25 * M, c);
    assert_eq!(s.planned(), CAP);
    // From a tampered running-session file.
    let running = Running {
        planned_secs: 99_999,
        ..s.running.clone()
    };
    assert_eq!(running.planned(), CAP);
    assert_eq!(
        Session::resume(running, c.both(0)).remaining(c.both(0)),
        CAP
    );
    // From content that escaped validation.
    let mode = TherapyMode {
        mode: TherapyKind::Heat,
        name: "Heat".into(),
        helps_with: vec![],
        how: vec![],
        safety: vec![],
        default_minutes: 45,
        pattern: vec![],
    };
    assert_eq!(therapy::default_length(&mode), CAP);
    let contrast = TherapyMode {
        mode: TherapyKind::Contrast,
        default_minutes: 15,
        pattern: vec![
            TherapySegment {
                kind: TherapyKind::Heat,
                minutes: 15,
            },
            TherapySegment {
                kind: TherapyKind::Cold,
                minutes: 15,
            },
        ],
        ..mode
    };
    assert_eq!(therapy::default_length(&contrast), CAP);
}

/// `timer heat --duration TEXT` as the command line reads it.
fn parse_length(text: &str) -> Result<Duration, String> {
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

#[test]
fn command_line_lengths_are_parsed_and_capped() {
    assert_eq!(parse_length("90s"), Ok(90 * S));
    assert_eq!(parse_length("15m"), Ok(15 * M));
    assert_eq!(parse_length("1m30s"), Ok(90 * S));
    assert_eq!(parse_length("20m"), Ok(CAP));
    assert_eq!(parse_length("1200s"), Ok(CAP));
    assert_eq!(parse_length("3s"), Ok(3 * S));
    for bad in [
        "21m", "20m1s", "1201s", "0s", "0m", "15", "", "m", "1h", "-5m", "1.5m",
    ] {
        assert!(parse_length(bad).is_err(), "{bad:?} was accepted");
    }
    assert!(parse_length("21m").unwrap_err().contains("20-minute cap"));
    assert!(parse_length("99999999999999999999m").is_err());
    let err = Cli::try_parse_from(["backcoach", "timer", "heat", "--duration", "21m"]).unwrap_err();
    assert!(err.to_string().contains("20-minute cap"), "{err}");
    assert!(Cli::try_parse_from(["backcoach", "timer", "contrast", "--duration", "20m"]).is_ok());
    assert!(Cli::try_parse_from(["backcoach", "timer", "warm"]).is_err());
}

#[test]
fn a_suspend_counts_the_wall_clock() {
    // The monotonic clock stalls while the laptop sleeps; the wall clock
    // goes on. The session must end on the wall clock.
    let c = Clocks::new();
    let s = session(TherapyKind::Heat, 15 * M, c);
    let woke = c.at(60, 16 * 60);
    assert!(s.is_over(woke));
    assert_eq!(s.elapsed(woke), 16 * M);
    let half = c.at(60, 5 * 60);
    assert_eq!(s.remaining(half), 10 * M);
}

#[test]
fn a_wall_clock_jumping_back_does_not_stop_the_count() {
    let c = Clocks::new();
    let s = session(TherapyKind::Cold, 15 * M, c);
    let now = c.at(5 * 60, -3600);
    assert_eq!(s.elapsed(now), 5 * M);
    assert!(s.is_over(c.at(15 * 60, -3600 + 10)));
}

#[test]
fn a_wall_clock_jumping_forward_ends_early() {
    let c = Clocks::new();
    let s = session(TherapyKind::Heat, 15 * M, c);
    assert!(s.is_over(c.at(60, 30 * 60)));
}

#[test]
fn a_resumed_session_keeps_its_remaining_time() {
    let c = Clocks::new();
    let s = session(TherapyKind::Heat, 15 * M, c);
    // The process is restarted 4 minutes in; its new monotonic clock knows
    // nothing of the old one.
    let later = Now::new(Instant::now(), c.wall0 + chrono::Duration::seconds(240));
    let resumed = Session::resume(s.running.clone(), later);
    assert_eq!(resumed.remaining(later), 11 * M);
    assert_eq!(s.running.remaining_at(&later.wall, None), 11 * M);
    assert_eq!(s.running.status_at(&later.wall, None), "heat 11m left");
    let gone = c.wall0 + chrono::Duration::seconds(18 * 60 + 30);
    assert_eq!(
        s.running.status_at(&gone, None),
        "heat ended 3m ago: remove the pack"
    );
    assert_eq!(s.running.ended_ago_at(&gone, None), Some(210 * S));
}

/// What `status` and the exit line say about a pack they did not see
/// start: the boot clock when it is of the same boot, and "over" when
/// the real time cannot be known.
#[test]
fn readers_without_the_start_use_the_boot_clock_and_fail_safe() {
    let c = Clocks::new();
    let mut running = session(TherapyKind::Heat, 15 * M, c).running;
    let boot = |secs: u64| BootTime {
        id: BootId(7),
        since_boot: Duration::from_secs(1000 + secs),
    };
    running.boot = Some(BootMark::back_from(boot(0), Duration::ZERO));
    // The wall clock was set back an hour four minutes in: the boot clock
    // still counts four minutes.
    let set_back = c.wall0 - chrono::Duration::hours(1) + chrono::Duration::seconds(240);
    assert_eq!(running.remaining_at(&set_back, Some(boot(240))), 11 * M);
    assert_eq!(
        running.status_at(&set_back, Some(boot(240))),
        "heat 11m left"
    );
    // Another boot with the clock behind the start: nobody can say how long
    // it has been on, so it is over.
    let other = BootTime {
        id: BootId(8),
        since_boot: Duration::from_secs(5),
    };
    assert_eq!(running.remaining_at(&set_back, Some(other)), Duration::ZERO);
    assert_eq!(
        running.status_at(&set_back, Some(other)),
        "heat: remove the pack"
    );
    assert_eq!(running.status_at(&set_back, None), "heat: remove the pack");
}

#[test]
fn contrast_switches_segments_from_the_pattern() {
    let c = Clocks::new();
    let s = session(TherapyKind::Contrast, 15 * M, c);
    assert_eq!(s.segment_count(), 6);
    let seg = |secs: i64| s.segment(c.both(secs));
    assert_eq!(seg(0), (0, TherapyKind::Heat, 3 * M));
    assert_eq!(seg(179), (0, TherapyKind::Heat, S));
    assert_eq!(seg(180), (1, TherapyKind::Cold, 2 * M));
    assert_eq!(seg(300), (2, TherapyKind::Heat, 3 * M));
    assert_eq!(seg(14 * 60), (5, TherapyKind::Cold, M));
    // Sub-second: still heat, half a second left in it.
    let almost = Now::new(
        c.base + Duration::from_millis(179_500),
        c.wall0 + chrono::Duration::milliseconds(179_500),
    );
    assert_eq!(
        s.segment(almost),
        (0, TherapyKind::Heat, Duration::from_millis(500))
    );
    // Longer than the pattern: it repeats, and the last leg is cut at the end.
    let mut long = session(TherapyKind::Contrast, 16 * M, c);
    assert_eq!(long.segment_count(), 7);
    assert_eq!(long.segment(c.both(15 * 60)), (6, TherapyKind::Heat, M));
    for _ in 0..10 {
        long.longer();
    }
    assert_eq!(long.segment_count(), 8);
    assert_eq!(long.segment(c.both(18 * 60)), (7, TherapyKind::Cold, 2 * M));
    // Heat is one segment.
    let heat = session(TherapyKind::Heat, 15 * M, c);
    assert_eq!(heat.segment_count(), 1);
    assert_eq!(heat.segment(c.both(600)), (0, TherapyKind::Heat, 5 * M));
}

#[test]
fn the_rest_gap_is_thirty_minutes_from_the_last_end() {
    let wall = Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    let ago = |minutes: i64| -> Option<DateTime<FixedOffset>> {
        Some((wall - chrono::Duration::minutes(minutes)).fixed_offset())
    };
    assert_eq!(rest_gap_ago(ago(10), &wall), Some(10 * M));
    assert_eq!(rest_gap_ago(ago(29), &wall), Some(29 * M));
    assert_eq!(rest_gap_ago(ago(30), &wall), None);
    assert_eq!(rest_gap_ago(ago(90), &wall), None);
    assert_eq!(rest_gap_ago(None, &wall), None);
    // After the clock went back, a "future" end counts as just now.
    assert_eq!(rest_gap_ago(ago(-5), &wall), Some(Duration::ZERO));
}

#[test]
fn the_loop_wakes_at_least_every_second_while_running() {
    let c = Clocks::new();
    let s = session(TherapyKind::Heat, 3 * S, c);
    let now = c.both(0);
    assert_eq!(s.next_wakeup(now), now.instant + S);
    let mid = Now::new(
        c.base + Duration::from_millis(1_300),
        c.wall0 + chrono::Duration::milliseconds(1_300),
    );
    assert_eq!(s.next_wakeup(mid), c.base + 2 * S);
    let end = c.both(3);
    assert_eq!(s.next_wakeup(end), end.instant, "over: wake at once");
    // Wall clock ahead of the monotonic one: still within a second.
    let long = session(TherapyKind::Heat, 20 * M, c);
    for step in 0..200 {
        let now = Now::new(
            c.base + Duration::from_millis(step * 7_919),
            c.wall0 + chrono::Duration::milliseconds(i64::try_from(step).unwrap() * 9_001),
        );
        let next = long.next_wakeup(now);
        assert!(next <= now.instant + S && next >= now.instant);
    }
}

#[test]
fn the_clock_text_rounds_up() {
    assert_eq!(clock(15 * M), "15:00");
    assert_eq!(clock(Duration::from_millis(59_001)), "1:00");
    assert_eq!(clock(Duration::ZERO), "0:00");
}

/// One thing that can happen to a running session.
#[derive(Debug, Clone)]
enum Step {
    Longer,
    Shorter,
    /// Both clocks move forward this many seconds.
    Wait(u8),
    /// The wall clock jumps by this many minutes (either way).
    WallJump(i8),
    /// The laptop sleeps: only the wall clock moves, this many seconds.
    Suspend(u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => Just(Step::Longer),
        2 => Just(Step::Shorter),
        3 => any::<u8>().prop_map(Step::Wait),
        1 => any::<i8>().prop_map(Step::WallJump),
        1 => any::<u16>().prop_map(Step::Suspend),
    ]
}

proptest! {
    #[test]
    fn no_path_keeps_a_session_past_the_cap(
        planned_secs in 1u64..3_000,
        steps in proptest::collection::vec(step(), 0..80),
    ) {
        let c = Clocks::new();
        let mut s = session(TherapyKind::Contrast, Duration::from_secs(planned_secs), c);
        let (mut mono, mut wall) = (0i64, 0i64);
        for step in steps {
            match step {
                Step::Longer => s.longer(),
                Step::Shorter => s.shorter(c.at(mono, wall)),
                Step::Wait(secs) => {
                    mono += i64::from(secs);
                    wall += i64::from(secs);
                }
                Step::WallJump(minutes) => wall += i64::from(minutes) * 60,
                Step::Suspend(secs) => wall += i64::from(secs),
            }
            let now = c.at(mono, wall);
            prop_assert!(s.planned() <= CAP);
            // Measured on the monotonic clock alone, or on the wall clock
            // alone, from the real start: never past 20 minutes.
            if mono >= 20 * 60 || wall >= 20 * 60 {
                prop_assert!(s.is_over(now));
            }
            prop_assert!(s.remaining(now) <= CAP.saturating_sub(Duration::from_secs(u64::try_from(mono).unwrap())));
            let wake = s.next_wakeup(now);
            prop_assert!(wake >= now.instant && wake <= now.instant + S);
        }
    }
}
