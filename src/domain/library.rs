//! The exercise library: which cards are listed and which one is selected.

use super::cursor::ListCursor;
use crate::content::catalog::Content;
use crate::content::model::{Exercise, Position};

/// Filters and selection of the library list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// Only exercises starting in this position, when set.
    pub position: Option<Position>,
    /// Only exercises carrying this tag, when set.
    pub tag: Option<String>,
    /// Selection in the filtered list.
    pub selected: ListCursor,
}

impl Library {
    /// The exercises that pass the filters, in content order.
    pub fn visible<'a>(&self, content: &'a Content) -> Vec<&'a Exercise> {
        content
            .exercises
            .iter()
            .filter(|e| self.position.is_none_or(|p| e.position == p))
            .filter(|e| self.tag.as_ref().is_none_or(|t| e.tags.contains(t)))
            .collect()
    }

    /// The selected exercise, if the filtered list is not empty.
    pub fn selected<'a>(&self, content: &'a Content) -> Option<&'a Exercise> {
        self.visible(content).get(self.selected.index()).copied()
    }

    /// Steps the position filter: all, then each position some exercise
    /// uses, then all again.
    pub fn cycle_position(&mut self, content: &Content) {
        let used: Vec<Position> = Position::ALL
            .into_iter()
            .filter(|p| content.exercises.iter().any(|e| e.position == *p))
            .collect();
        self.position = next_after(&used, self.position.as_ref()).copied();
        self.selected = ListCursor::default();
    }

    /// Steps the tag filter through every tag in use, sorted, then all.
    pub fn cycle_tag(&mut self, content: &Content) {
        let mut tags: Vec<&String> = content.exercises.iter().flat_map(|e| &e.tags).collect();
        let current = self.tag.as_ref();
        tags.sort();
        tags.dedup();
        self.tag = next_after(&tags, current.as_ref()).map(|t| (*t).clone());
        self.selected = ListCursor::default();
    }

    /// Removes both filters.
    pub fn clear_filters(&mut self) {
        self.position = None;
        self.tag = None;
        self.selected = ListCursor::default();
    }

    /// A short description of the active filters, e.g. "kneeling · #twist".
    pub fn filter_label(&self) -> String {
        match (self.position, &self.tag) {
            (None, None) => "all".to_owned(),
            (Some(p), None) => p.label().to_owned(),
            (None, Some(t)) => format!("#{t}"),
            (Some(p), Some(t)) => format!("{} · #{t}", p.label()),
        }
    }
}

/// The element after `current` in `items`; the first when `current` is
/// none; none after the last (meaning "no filter").
fn next_after<'a, T: PartialEq>(items: &'a [T], current: Option<&T>) -> Option<&'a T> {
    match current {
        None => items.first(),
        Some(c) => items
            .iter()
            .position(|i| i == c)
            .and_then(|at| items.get(at + 1)),
    }
}
