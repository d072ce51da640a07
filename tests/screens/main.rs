//! Snapshot tests: the real view drawn into a ratatui TestBackend, from states reached through the real update.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod alarm_screens;
mod basics;
mod programme_screens;
mod rating_screens;
mod reminder_screens;
mod safety_screens;
mod sessions_screens;
mod small_panes;
mod therapy_screens;
mod wide_text;

#[path = "../support/mod.rs"]
mod support;
