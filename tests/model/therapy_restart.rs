//! The heat/cold timer through the real `update` across a restart: the
//! running application reopened from its file, an alert for one that ended
//! meanwhile (logged once), a resumed contrast session, and a timer
//! command that never replaces a running application.

use std::time::Instant;

use backcoach::app::therapy::Boot;
use backcoach::app::{self, Now, Opening, Outcome, Screen};
use backcoach::content::model::TherapyKind;
use backcoach::domain::therapy::Running;

use crate::therapy_app::{M, S, T, app, appended, bells, send};

fn running(t: &T, planned_secs: u64, logged: bool) -> Running {
    Running {
        mode: TherapyKind::Heat,
        started: t.wall0.fixed_offset(),
        planned_secs,
        pattern: Vec::new(),
        logged,
        boot: None,
        alarm_rung: false,
    }
}

#[test]
fn a_restart_opens_straight_onto_the_running_session() {
    let t = T::new();
    let mut app = app();
    // Restarted four minutes in, in a fresh process (new monotonic clock).
    let later = Now::new(Instant::now(), t.wall0 + chrono::Duration::minutes(4));
    app::therapy::boot(
        &mut app,
        Boot {
            running: Some(running(&t, 900, false)),
            ..Boot::default()
        },
        later,
    );
    assert_eq!(app.screen, Screen::Therapy);
    let session = app.therapy.session.as_ref().unwrap();
    assert_eq!(session.remaining(later), 11 * M);
    let wake = app::next_wakeup(&app, later).unwrap();
    assert!(wake <= later.instant + S);
}

#[test]
fn a_restart_after_the_end_shows_the_alert_and_logs_it_once() {
    let t = T::new();
    let later = Now::new(Instant::now(), t.wall0 + chrono::Duration::minutes(22));
    for logged in [false, true] {
        let mut app = app();
        app::therapy::boot(
            &mut app,
            Boot {
                running: Some(running(&t, 900, logged)),
                ..Boot::default()
            },
            later,
        );
        assert_eq!(app::next_wakeup(&app, later), Some(later.instant));
        let cmds = send(&mut app, &[Outcome::Tick], later);
        assert_eq!(bells(&cmds), 1);
        assert_eq!(appended(&cmds).len(), usize::from(!logged));
        let alert = app.therapy.alert.as_ref().unwrap();
        let over = alert.session.elapsed(later) - alert.session.planned();
        assert_eq!(over, 7 * M, "ended seven minutes ago");
    }
}

#[test]
fn a_resumed_contrast_session_rings_only_at_the_next_switch() {
    let t = T::new();
    let mut app = app();
    let resumed = Running {
        mode: TherapyKind::Contrast,
        pattern: vec![
            backcoach::domain::therapy::Segment {
                kind: TherapyKind::Heat,
                secs: 180,
            },
            backcoach::domain::therapy::Segment {
                kind: TherapyKind::Cold,
                secs: 120,
            },
        ],
        ..running(&t, 900, false)
    };
    app::therapy::boot(
        &mut app,
        Boot {
            running: Some(resumed),
            ..Boot::default()
        },
        t.at(200),
    );
    assert_eq!(bells(&send(&mut app, &[Outcome::Tick], t.at(200))), 0);
    assert_eq!(bells(&send(&mut app, &[Outcome::Tick], t.at(299))), 0);
    assert_eq!(bells(&send(&mut app, &[Outcome::Tick], t.at(300))), 1);
}

#[test]
fn the_timer_command_never_replaces_a_running_session() {
    let t = T::new();
    let mut app = app();
    app::therapy::boot(
        &mut app,
        Boot {
            running: Some(running(&t, 900, false)),
            ..Boot::default()
        },
        t.at(60),
    );
    app.opening = Some(Opening::Timer(TherapyKind::Cold, Some(M)));
    send(&mut app, &[Outcome::Started], t.at(60));
    let session = app.therapy.session.as_ref().unwrap();
    assert_eq!(session.running.mode, TherapyKind::Heat);
    assert_eq!(session.remaining(t.at(60)), 14 * M);
    assert!(app.notice.as_deref().unwrap().contains("already running"));
}
