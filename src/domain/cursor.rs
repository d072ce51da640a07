//! The selection of a list: one index, kept inside the list by every move.

/// Which entry of a list is selected. Every move takes the list's length
/// and clamps to it, so the index never points past the end (an empty list
/// keeps it at 0, which selects nothing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ListCursor {
    index: usize,
}

impl ListCursor {
    /// A cursor on entry `index` (clamped by the next move).
    pub const fn at(index: usize) -> ListCursor {
        ListCursor { index }
    }

    /// The selected index.
    pub const fn index(self) -> usize {
        self.index
    }

    /// The previous entry; stays on the first.
    pub fn up(&mut self, len: usize) {
        self.page(-1, len);
    }

    /// The next entry; stays on the last.
    pub fn down(&mut self, len: usize) {
        self.page(1, len);
    }

    /// Moves by `delta` entries (negative is up), stopping at either end.
    pub fn page(&mut self, delta: isize, len: usize) {
        self.index = self.index.saturating_add_signed(delta).min(last(len));
    }

    /// The first entry.
    pub fn first(&mut self) {
        self.index = 0;
    }

    /// The last entry (0 when the list is empty).
    pub fn last(&mut self, len: usize) {
        self.index = last(len);
    }
}

fn last(len: usize) -> usize {
    len.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(from: usize, len: usize, step: impl Fn(&mut ListCursor, usize)) -> usize {
        let mut cursor = ListCursor::at(from);
        step(&mut cursor, len);
        cursor.index()
    }

    #[test]
    fn up_and_down_stop_at_either_end() {
        assert_eq!(moved(0, 5, ListCursor::up), 0);
        assert_eq!(moved(3, 5, ListCursor::up), 2);
        assert_eq!(moved(3, 5, ListCursor::down), 4);
        assert_eq!(moved(4, 5, ListCursor::down), 4);
    }

    #[test]
    fn pages_stop_at_either_end() {
        assert_eq!(moved(2, 30, |c, n| c.page(10, n)), 12);
        assert_eq!(moved(25, 30, |c, n| c.page(10, n)), 29);
        assert_eq!(moved(12, 30, |c, n| c.page(-10, n)), 2);
        assert_eq!(moved(4, 30, |c, n| c.page(-10, n)), 0);
        assert_eq!(moved(0, 30, |c, n| c.page(isize::MIN, n)), 0);
        assert_eq!(moved(29, 30, |c, n| c.page(isize::MAX, n)), 29);
    }

    #[test]
    fn first_and_last() {
        assert_eq!(moved(3, 5, |c, _| c.first()), 0);
        assert_eq!(moved(0, 5, ListCursor::last), 4);
        assert_eq!(moved(0, 1, ListCursor::last), 0);
    }

    #[test]
    fn an_empty_list_keeps_the_cursor_at_zero() {
        assert_eq!(moved(0, 0, ListCursor::down), 0);
        assert_eq!(moved(0, 0, ListCursor::up), 0);
        assert_eq!(moved(0, 0, |c, n| c.page(10, n)), 0);
        assert_eq!(moved(0, 0, ListCursor::last), 0);
    }

    #[test]
    fn a_list_that_shrank_pulls_the_cursor_back_in() {
        // Any move clamps an index left past the end by a shorter list.
        assert_eq!(moved(9, 3, ListCursor::up), 2);
        assert_eq!(moved(9, 3, ListCursor::down), 2);
        assert_eq!(moved(9, 0, ListCursor::up), 0);
    }
}
