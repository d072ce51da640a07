//! The safety warnings review as a document of lines: laid out once here so
//! the screen, the scrolling rules ("reached the end") and the plain-text
//! print-out all agree.

use crate::content::catalog::Content;
use crate::text::{display_width, wrap_hanging};

/// How a line of the document is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A section title.
    Heading,
    /// Ordinary text.
    Text,
    /// A red flag needing prompt medical attention (also marked in words).
    Urgent,
    /// An empty line between sections.
    Blank,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    /// The text, already wrapped to the width asked for.
    pub text: String,
    /// How to show it.
    pub tone: Tone,
}

/// The words that mark an urgent item, so it never relies on style alone.
pub const URGENT_MARK: &str = "! URGENT:";

/// Lines of the whole review, wrapped to `width` characters. Items get a
/// bullet (urgent ones the urgent mark instead); their continuation lines
/// are indented to line up under the text.
pub fn document(content: &Content, width: usize) -> Vec<DocLine> {
    let mut lines = Vec::new();
    let mut push = |text: &str, lead: &str, tone: Tone| {
        for text in wrap_hanging(text, lead, width) {
            lines.push(DocLine { text, tone });
        }
    };
    for (n, section) in content.warnings.iter().enumerate() {
        if n > 0 {
            push("", "", Tone::Blank);
        }
        push(&section.title, "", Tone::Heading);
        if !section.intro.trim().is_empty() {
            push(&section.intro, "", Tone::Text);
        }
        for item in &section.items {
            let text = format!("{}: {}", item.title, item.text);
            if item.urgent {
                push(&format!("{URGENT_MARK} {text}"), "", Tone::Urgent);
            } else {
                push(&text, "• ", Tone::Text);
            }
        }
    }
    lines
}

/// Longest line of the review on screen, for comfortable reading on wide
/// terminals.
pub const MAX_MEASURE: u16 = 100;

/// The wrap width for a text area `width` cells wide.
pub fn measure(width: u16) -> usize {
    usize::from(width.min(MAX_MEASURE))
}

/// The largest useful scroll offset for `total` lines shown `visible` at a
/// time.
pub fn max_scroll(total: usize, visible: usize) -> usize {
    total.saturating_sub(visible)
}

/// Width of the plain-text print-out.
pub const PRINT_WIDTH: usize = 78;

/// The whole review as plain text: the same lines, no styling, no escape
/// codes; headings underlined so they stand out on paper and to a screen
/// reader as their own lines.
pub fn plain_text(content: &Content) -> String {
    let mut out = String::from("backcoach: safety warnings\n\n");
    for line in document(content, PRINT_WIDTH) {
        out.push_str(&line.text);
        out.push('\n');
        if line.tone == Tone::Heading {
            out.push_str(&"-".repeat(display_width(&line.text)));
            out.push('\n');
        }
    }
    out
}
