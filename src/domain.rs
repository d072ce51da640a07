//! Domain logic: plain data and pure functions, no terminal, clock or disk.

pub mod card;
pub mod countdown;
pub mod library;
pub mod reminder;
pub mod reminder_settings;
