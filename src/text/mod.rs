//! Text as every layer lays it out: wrapping by display width (so wide
//! CJK characters and emoji take the two cells a terminal gives them), and
//! making text from outside safe to show.

mod count;
pub mod safe;
pub mod wrap;

pub use count::counted;
pub use wrap::{display_width, wrap_hanging, wrap_words};
