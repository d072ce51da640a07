//! Domain logic: plain data and pure functions, no terminal, clock or disk.

pub mod active_hours;
pub mod card;
pub mod checklist;
pub mod countdown;
pub mod cursor;
pub mod dose_step;
pub mod in_range;
pub mod library;
pub mod moderation;
pub mod plan;
pub mod programme;
pub mod progress;
pub mod quiet;
pub mod recent;
pub mod record;
pub mod reminder;
pub mod reminder_settings;
pub mod report;
pub mod safety;
pub mod session;
pub mod session_record;
pub mod standup_stats;
pub mod suggest;
pub mod therapy;
pub mod warnings;
