//! backcoach: a full-screen terminal back-care coach.

pub mod app;
pub mod cli;
pub mod content;
pub mod domain;
pub mod file;
pub mod keys;
pub mod notify;
pub mod probe;
pub mod remind;
pub mod report;
pub mod runtime;
pub mod status;
pub mod store;
pub mod text;
pub mod time;
pub mod ui;
