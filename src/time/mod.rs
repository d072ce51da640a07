//! Time as every layer sees it: the `Now` the runtime reads once per event
//! and passes in, the one grammar for a typed duration, and durations in
//! words. Nothing outside the runtime and the command-line entry points
//! reads a clock.

pub mod boot;
pub mod duration;
pub mod words;

use std::time::Instant;

use chrono::{DateTime, Local};

pub use boot::{BootId, BootTime};

/// The current time, read once per event by the runtime and passed in.
#[derive(Debug, Clone, Copy)]
pub struct Now {
    /// Monotonic time, for countdowns and deadlines.
    pub instant: Instant,
    /// Local wall-clock time, where the calendar matters.
    pub wall: DateTime<Local>,
    /// Time since boot on a clock that counts suspend and ignores
    /// wall-clock changes, with the boot it belongs to (Linux; `None`
    /// where the platform offers no such clock).
    pub boot: Option<BootTime>,
}

impl Now {
    /// Both clocks, without a boot clock.
    pub fn new(instant: Instant, wall: DateTime<Local>) -> Now {
        Now {
            instant,
            wall,
            boot: None,
        }
    }

    /// The same time with a boot clock reading.
    pub fn with_boot(self, boot: BootTime) -> Now {
        Now {
            boot: Some(boot),
            ..self
        }
    }
}
