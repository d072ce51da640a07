//! What the model tests of guided sessions share: a clock whose monotonic
//! time moves on while the wall clock stays at Sunday 2026-11-22 09:00
//! local, and an app whose first-run statement was acknowledged.

use std::time::{Duration, Instant};

use backcoach::app::{App, Now};
use backcoach::content::catalog::Content;
use backcoach::store::Settings;
use chrono::{Local, TimeZone};

/// A test's clock: `secs` after its start, on the monotonic clock.
pub struct Clock(pub Instant);

impl Clock {
    /// Starts now.
    pub fn new() -> Clock {
        Clock(Instant::now())
    }

    /// `offset` after the start.
    pub fn at(&self, offset: Duration) -> Now {
        Now::new(
            self.0 + offset,
            Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
        )
    }

    /// `secs` whole seconds after the start.
    pub fn secs(&self, secs: u64) -> Now {
        self.at(Duration::from_secs(secs))
    }

    /// `secs` seconds after the start, fractions allowed.
    pub fn secs_f64(&self, secs: f64) -> Now {
        self.at(Duration::from_secs_f64(secs))
    }
}

/// The app on `content`, its first-run statement acknowledged on
/// 2026-11-01.
pub fn acknowledged(content: Content) -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(Local.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()),
        ..Settings::default()
    };
    App::new(content, settings, true)
}
