//! End-to-end tests: the real binary in a pseudo-terminal, one test per user flow.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod command_line;
mod reminder;
mod safety;
mod sessions;
mod shell;
mod therapy;

#[path = "../support/mod.rs"]
mod support;
