//! The app and the history at start-up: only recent records are read, so
//! a review of the safety warnings older than that is looked for on a
//! worker, and the History screen reads on one too.

use backcoach::app::{self, Cmd, Outcome, Screen};
use backcoach::domain::record::Record;
use chrono::Duration;

use crate::alarm_support::{T, app, send};

#[test]
fn without_a_recent_review_the_app_asks_for_the_latest_one() {
    let t = T::new();
    let mut app = app();
    let cmds = send(&mut app, &[Outcome::Started], t.at(0));
    assert!(cmds.contains(&Cmd::FindLastReview), "{cmds:?}");
    // The answer fills in the Warnings screen's "Last reviewed".
    let long_ago = (t.wall0 - Duration::days(200)).fixed_offset();
    send(&mut app, &[Outcome::LastReview(Some(long_ago))], t.at(1));
    assert_eq!(app.safety.last_review, Some(long_ago));
    // Never a later review made meanwhile replaced by an older one.
    let today = t.wall0.fixed_offset();
    app.safety.last_review = Some(today);
    send(&mut app, &[Outcome::LastReview(Some(long_ago))], t.at(2));
    assert_eq!(app.safety.last_review, Some(today));
}

#[test]
fn a_review_in_the_recent_history_needs_no_search() {
    let t = T::new();
    let mut app = app();
    let recent = [Record::WarningsReviewed {
        at: (t.wall0 - Duration::days(3)).fixed_offset(),
    }];
    app::safety::absorb(&mut app, &recent);
    let cmds = send(&mut app, &[Outcome::Started], t.at(0));
    assert!(!cmds.contains(&Cmd::FindLastReview), "{cmds:?}");
}

#[test]
fn the_history_screen_is_read_on_a_worker_and_shows_a_loading_line_meanwhile() {
    let t = T::new();
    let mut app = app();
    app.screen = Screen::Home;
    let cmds = app::update(&mut app, Outcome::Started, t.at(0));
    assert!(!cmds.contains(&Cmd::LoadHistory));
    app.home_selected = backcoach::domain::cursor::ListCursor::at(
        app::HomeEntry::ALL
            .iter()
            .position(|e| *e == app::HomeEntry::History)
            .unwrap(),
    );
    let cmds = send(&mut app, &[app::Intent::Select], t.at(1));
    assert_eq!(cmds, vec![Cmd::LoadHistory]);
    assert_eq!(app.screen, Screen::History);
    assert!(
        app.history.is_none(),
        "nothing yet: the view says it is reading"
    );
    // Keys still work while it reads.
    send(&mut app, &[app::Intent::Back], t.at(2));
    assert_eq!(app.screen, Screen::Home);
}
