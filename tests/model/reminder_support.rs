//! Shared by the reminder's quiet and away-credit tests: Monday
//! 2026-11-23 in local time, the monotonic clock in step, and the app on
//! Home with a schedule started at 10:00 (due 11:00).

use std::sync::OnceLock;
use std::time::Instant;

use backcoach::app::reminder as reminder_app;
use backcoach::app::{App, Now};
use backcoach::content::load;
use backcoach::content::source;
use backcoach::domain::reminder::Schedule;
use backcoach::store::Settings;
use chrono::{DateTime, FixedOffset, Local, TimeZone};

fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

/// Monday 2026-11-23 at `hour:minute`, local time.
pub fn at(hour: u32, minute: u32) -> Now {
    let wall = Local
        .with_ymd_and_hms(2026, 11, 23, hour, minute, 0)
        .unwrap();
    let start = Local.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
    Now::new(base() + (wall - start).to_std().unwrap(), wall)
}

pub fn fixed(now: Now) -> DateTime<FixedOffset> {
    now.wall.fixed_offset()
}

/// On Home, the schedule started at 10:00, with `change` made to the
/// default settings first.
pub fn started(change: impl FnOnce(&mut Settings)) -> App {
    let mut settings = Settings {
        disclaimer_acknowledged: Some(at(8, 0).wall),
        ..Settings::default()
    };
    change(&mut settings);
    let mut app = App::new(load::load(&source::builtin()).unwrap(), settings, true);
    let schedule = Schedule::start(fixed(at(10, 0)));
    reminder_app::start(&mut app, Some(schedule), Vec::new(), at(10, 0));
    app
}
