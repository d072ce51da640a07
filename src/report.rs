//! The clinic report's page: its blocks (headings, sentences, tables,
//! the pain chart) built from the report's figures, and the writers for
//! text, Markdown and HTML. Pure formatting over domain data, so both the
//! `report` command and the History screen's "write the report" (which
//! the runtime performs) use it; it imports nothing above the domain.

pub mod blocks;
pub mod write;
