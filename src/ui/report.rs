//! What a screen tells the view about what it drew, for the model and the
//! pointer: its scrolling text and its list, as plain data
//! ([`crate::app::Drawn`]).

use ratatui::layout::Rect;

use crate::app::{Area, ListShown, RowShown, Shown};

/// What one screen (or overlay) drew that the model needs to know.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    /// Its scrolling text, when it has one.
    pub text: Option<Shown>,
    /// Its list, when it has one.
    pub list: Option<ListShown>,
}

impl Part {
    /// A part with scrolling text only.
    pub fn text(shown: Shown) -> Part {
        Part {
            text: Some(shown),
            list: None,
        }
    }

    /// A part with a list only.
    pub fn list(list: ListShown) -> Part {
        Part {
            text: None,
            list: Some(list),
        }
    }
}

/// A ratatui rectangle as the model's [`Area`].
pub fn area(rect: Rect) -> Area {
    Area {
        x: rect.x,
        y: rect.y,
        width: rect.width,
        height: rect.height,
    }
}

/// Where the entries of a list are, drawn in `inner` (inside any border)
/// from entry `offset` on, each as tall as `heights` says; a click on
/// `opens` opens it.
pub fn list_rows(inner: Rect, heights: &[usize], offset: usize, opens: Option<usize>) -> ListShown {
    let mut rows = Vec::new();
    let mut y = inner.y;
    let bottom = inner.y.saturating_add(inner.height);
    for (index, height) in heights.iter().enumerate().skip(offset) {
        if y >= bottom {
            break;
        }
        let height = u16::try_from(*height).unwrap_or(u16::MAX).min(bottom - y);
        rows.push(RowShown { index, y, height });
        y = y.saturating_add(height);
    }
    ListShown {
        area: area(inner),
        rows,
        opens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_offset_and_stop_at_the_bottom() {
        let list = list_rows(Rect::new(2, 3, 20, 4), &[1, 2, 2, 1], 1, Some(1));
        assert_eq!(
            list.rows,
            [
                RowShown {
                    index: 1,
                    y: 3,
                    height: 2
                },
                RowShown {
                    index: 2,
                    y: 5,
                    height: 2
                },
            ]
        );
        assert_eq!(list.entry_at(5, 4), Some(1));
        assert_eq!(list.entry_at(5, 6), Some(2));
        assert_eq!(list.entry_at(1, 4), None, "left of the list");
        assert_eq!(list.entry_at(5, 7), None, "below it");
    }
}
