//! End-to-end tests: the real binary in a pseudo-terminal, one test per user flow.
//! Unix only: they read the pty's termios, send POSIX signals with `kill`
//! and stand in for `notify-send` with a shell script.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod alarm;
mod alarm_clock;
mod away;
mod command_line;
mod config;
mod history_logs;
mod hostile;
mod pain_entry;
mod plain;
mod plain_flows;
mod pointer;
mod programme;
mod quiet;
mod reminder;
mod report;
mod safety;
mod sessions;
mod shell;
mod speech;
mod standup;
mod therapy;

#[path = "../support/mod.rs"]
mod support;
