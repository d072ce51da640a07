//! Real time across restarts, clock changes and suspend (issue 10, item
//! 6), and one record per application however the process ended (item 9),
//! with injected clocks: the boot clock, the wall clock and the monotonic
//! clock each moved on their own.

use std::time::{Duration, Instant};

use backcoach::app::therapy::Boot;
use backcoach::app::{self, Cmd, Now, Outcome, Screen};
use backcoach::content::model::TherapyKind;
use backcoach::domain::record::Record;
use backcoach::domain::therapy::{BootMark, CAP, Session, history};
use backcoach::time::BootId;

use crate::alarm_support::*;
use crate::support::screen::screen_at;

/// An application of `planned` seconds marked at 1000 s of boot 1.
fn marked(t: &T, planned: u64) -> backcoach::domain::therapy::Running {
    let mut running = running(t, planned);
    running.boot = Some(BootMark {
        id: BootId(1),
        since_boot_ms: 1_000_000,
    });
    running
}

/// A new process `wall` seconds (signed) after the start on the wall
/// clock, with the boot clock `boot` (or none).
fn restart(t: &T, wall: i64, boot: Option<backcoach::time::BootTime>) -> Now {
    let now = Now::new(Instant::now(), t.wall0 + chrono::Duration::seconds(wall));
    match boot {
        Some(boot) => now.with_boot(boot),
        None => now,
    }
}

#[test]
fn same_boot_the_boot_clock_measures_through_a_clock_set_back() {
    let t = T::new();
    // Killed 20 s in, clock set back an hour, restarted.
    let now = restart(&t, -3600 + 20, Some(boot(1, 1020)));
    let session = Session::resume(marked(&t, 60), now);
    assert_eq!(session.elapsed(now), 20 * S);
    assert_eq!(session.remaining(now), 40 * S);
    assert!(!session.elapsed_unknown());
    // A wall clock set forward ends it early, never late.
    let now = restart(&t, 3600, Some(boot(1, 1020)));
    assert!(Session::resume(marked(&t, 60), now).is_over(now));
}

#[test]
fn another_boot_uses_the_wall_clock_and_marks_the_new_boot() {
    let t = T::new();
    let now = restart(&t, 30, Some(boot(2, 5)));
    let session = Session::resume(marked(&t, 60), now);
    assert_eq!(session.elapsed(now), 30 * S);
    // Marked on this boot's clock: it started 25 s before this boot.
    assert_eq!(
        session.running.boot,
        Some(BootMark {
            id: BootId(2),
            since_boot_ms: -25_000
        })
    );
    // A later restart in this boot, with the clock set back, still knows.
    let later = restart(&t, -500, Some(boot(2, 15)));
    let again = Session::resume(session.running.clone(), later);
    assert_eq!(again.elapsed(later), 40 * S);
}

#[test]
fn when_real_time_cannot_be_known_the_application_is_over() {
    let t = T::new();
    // Another boot and the wall clock behind the start.
    let now = restart(&t, -60, Some(boot(2, 5)));
    let session = Session::resume(marked(&t, 900), now);
    assert!(session.is_over(now) && session.elapsed_unknown());
    assert_eq!(session.ended_ago(now), None);
    // An old file without a boot mark, or no boot clock: the same.
    for boot in [Some(boot(1, 2000)), None] {
        let now = restart(&t, -60, boot);
        assert!(Session::resume(running(&t, 900), now).is_over(now));
        // The wall clock ahead of the start is believed.
        let now = restart(&t, 100, boot);
        let session = Session::resume(running(&t, 900), now);
        assert_eq!(session.remaining(now), 800 * S);
    }
}

#[test]
fn in_process_a_suspend_counts_on_the_boot_clock() {
    let t = T::new();
    let start = t.at(0).with_boot(boot(1, 1000));
    let session = Session::start(TherapyKind::Heat, 15 * M, Vec::new(), start);
    assert_eq!(
        session.running.boot,
        Some(BootMark {
            id: BootId(1),
            since_boot_ms: 1_000_000
        })
    );
    // Monotonic and wall clocks barely moved (monotonic stands still in
    // a suspend; the wall clock was set back meanwhile); boot time 16 min.
    let woke = Now::new(t.base + 10 * S, t.wall0).with_boot(boot(1, 1000 + 16 * 60));
    assert!(session.is_over(woke));
}

#[test]
fn a_restart_with_the_clock_set_back_shows_the_right_time_left() {
    let t = T::new();
    let mut app = app();
    let now = restart(&t, -3600 + 20, Some(boot(1, 1020)));
    app::therapy::boot(&mut app, Boot::new(Some(marked(&t, 60)), &[]), now);
    let cmds = send(&mut app, &[Outcome::Started], now);
    assert!(app.therapy.alert.is_none(), "{cmds:?}");
    assert_eq!(app.therapy.session.as_ref().unwrap().remaining(now), 40 * S);
    assert!(screen_at(&app, 80, 24).contains("planned 1:00"));

    // Another boot, clock behind: the alert at once, saying why.
    let mut app = self::app();
    let now = restart(&t, -3600, Some(boot(2, 100)));
    app::therapy::boot(&mut app, Boot::new(Some(marked(&t, 900)), &[]), now);
    let cmds = send(&mut app, &[Outcome::Started], now);
    assert_eq!(bells(&cmds), 1);
    assert!(app.therapy.alert.is_some());
    assert_eq!(app.screen, Screen::Therapy);
    let text = screen_at(&app, 80, 24);
    assert!(text.contains("REMOVE THE PACK NOW"), "{text}");
    assert!(text.contains("cannot be known"), "{text}");
    assert_eq!(CAP, 20 * M);
}

#[test]
fn a_restart_in_another_boot_saves_the_new_mark() {
    let t = T::new();
    let mut app = app();
    let now = restart(&t, 30, Some(boot(7, 40)));
    app::therapy::boot(&mut app, Boot::new(Some(marked(&t, 900)), &[]), now);
    let cmds = send(&mut app, &[Outcome::Started], now);
    let saved = saved(&cmds);
    assert_eq!(saved.len(), 1, "{cmds:?}");
    assert_eq!(saved[0].boot.map(|b| b.id), Some(BootId(7)));
}

#[test]
fn a_kill_between_the_append_and_the_clear_never_logs_twice() {
    let t = T::new();
    // Time up was logged, then the process died before the alert was
    // acknowledged (the file says not logged: the kill came before it was
    // saved either).
    let file = running(&t, 60);
    let logged = history::time_up_record(&file);
    let mut app = app();
    let now = t.at(120);
    app::therapy::boot(
        &mut app,
        Boot::new(Some(file.clone()), std::slice::from_ref(&logged)),
        now,
    );
    let cmds = send(&mut app, &[Outcome::Started], now);
    assert!(appended(&cmds).is_empty(), "logged twice: {cmds:?}");
    assert!(app.therapy.alert.is_some(), "the pack may still be on");

    // "Pack off" was logged, then the kill came before the file went:
    // nothing to reopen, the file is removed.
    let early = history::record(&file, 30 * S, t.wall0.fixed_offset(), true);
    let mut app = self::app();
    app.screen = Screen::Home;
    app::therapy::boot(&mut app, Boot::new(Some(file), &[early]), t.at(40));
    let cmds = send(&mut app, &[Outcome::Started], t.at(40));
    // (No review of the warnings nor accepted dose change in the recent
    // history: the app asks for the latest ones, however old.)
    assert_eq!(
        cmds,
        vec![Cmd::ClearRunning, Cmd::FindLastReview, Cmd::FindDoseChange]
    );
    assert!(app.therapy.session.is_none() && app.therapy.alert.is_none());
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn readers_count_the_records_of_one_start_once() {
    let t = T::new();
    let file = running(&t, 60);
    let record = history::time_up_record(&file);
    let other = history::time_up_record(&backcoach::domain::therapy::Running {
        started: (t.wall0 + chrono::Duration::hours(1)).fixed_offset(),
        ..file.clone()
    });
    let log = vec![
        record.clone(),
        Record::WarningsReviewed {
            at: t.wall0.fixed_offset(),
        },
        record.clone(),
        other.clone(),
    ];
    assert_eq!(history::applications(&log), vec![&record, &other]);
    assert_eq!(
        history::last_end(&log),
        Some((t.wall0 + chrono::Duration::minutes(61)).fixed_offset())
    );
    assert!(history::record_of(&log, file.started).is_some());
    assert_eq!(Duration::from_secs(60), M);
}
