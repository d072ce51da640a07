//! Loading a user content file over the built-in content, for tests of
//! validation messages.

use backcoach::content::load;
use backcoach::content::source::{self, Source};

/// The problems of the built-in content plus `text` as `mine.ron`, one
/// per line as the user sees them. Panics when there are none.
#[allow(dead_code)]
pub fn problems(text: &str) -> String {
    let mut sources = source::builtin();
    sources.push(Source {
        name: "mine.ron".into(),
        text: text.into(),
        builtin: false,
    });
    load::load(&sources)
        .expect_err("expected problems")
        .iter()
        .map(|p| format!("{p}\n"))
        .collect()
}
