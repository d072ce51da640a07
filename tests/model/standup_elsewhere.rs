//! A stand-up recorded by another process (`backcoach standup done`)
//! reaches the open app's count of the day: the runtime re-reads today's
//! stand-ups after the schedule changed, and they replace what the app
//! knew of from the day's start, so its own is never counted twice.

use backcoach::app;
use backcoach::app::reminder::{Heard, stood_up_today};

use crate::reminder_support::{self, at, fixed};

#[test]
fn a_re_read_of_the_day_replaces_the_apps_own_count() {
    let mut app = reminder_support::started(|_| {});
    // Yesterday's stand-up stays; the app's own of 11:00 is in the log too.
    let yesterday = fixed(at(9, 0)) - chrono::TimeDelta::days(1);
    app.reminder.stood_up.push(yesterday);
    app.reminder.stood_up.push(fixed(at(11, 0)));
    assert_eq!(stood_up_today(&app, fixed(at(12, 0))), 1);

    let since = fixed(at(0, 0));
    let heard = Heard::StoodUp {
        since,
        at: vec![fixed(at(11, 0)), fixed(at(12, 5))],
    };
    app::update(&mut app, heard, at(12, 6));
    assert_eq!(stood_up_today(&app, fixed(at(12, 6))), 2);
    assert!(app.reminder.stood_up.contains(&yesterday));
    // Read again with nothing new: still two.
    let heard = Heard::StoodUp {
        since,
        at: vec![fixed(at(11, 0)), fixed(at(12, 5))],
    };
    app::update(&mut app, heard, at(12, 7));
    assert_eq!(stood_up_today(&app, fixed(at(12, 7))), 2);
}
