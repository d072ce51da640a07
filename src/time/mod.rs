//! Time as every layer sees it: the `Now` the runtime reads once per event
//! and passes in, the one grammar for a typed duration, and durations in
//! words. Nothing outside the runtime and the command-line entry points
//! reads a clock.

pub mod duration;
pub mod words;

use std::time::Instant;

use chrono::{DateTime, Local};

/// The current time, read once per event by the runtime and passed in.
#[derive(Debug, Clone, Copy)]
pub struct Now {
    /// Monotonic time, for countdowns and deadlines.
    pub instant: Instant,
    /// Local wall-clock time, where the calendar matters.
    pub wall: DateTime<Local>,
}
