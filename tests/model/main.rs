//! Model tests: content, domain rules, the app's update and the store, driven with explicit times and no terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod alarm_owner;
mod alarm_screen;
mod alarm_support;
mod app;
mod content;
mod content_rules;
mod duration_grammar;
mod history;
mod history_adopt;
mod history_app;
mod history_export;
mod history_fast;
mod history_json;
mod history_logs;
mod history_time;
mod hostile_content;
mod hostile_data;
mod hostile_formats;
mod lost_update;
mod pain_entry;
mod plain_dialogue;
mod pointer;
mod progress;
mod reminder_app;
mod reminder_schedule;
mod reminder_store;
mod safety_app;
mod safety_gate;
mod session_store;
mod sessions;
mod spoken_cues;
mod store;
mod therapy_app;
mod therapy_clock;
mod therapy_domain;
mod therapy_store;
mod versioned_files;

#[path = "../support/mod.rs"]
mod support;
