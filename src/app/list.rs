//! The keys every list shares: one place that turns a list intent into a
//! move of its [`ListCursor`], so every list pages and jumps alike.

use super::Intent;
use crate::domain::cursor::ListCursor;

/// How far PageUp/PageDown move in a list.
pub const PAGE: isize = 10;

/// Moves `cursor` in a list of `len` entries for Up, Down, PageUp,
/// PageDown, First, Last and a pick with the pointer; false (and no move)
/// for any other intent.
pub fn step(cursor: &mut ListCursor, intent: Intent, len: usize) -> bool {
    match intent {
        Intent::Point(index) => {
            *cursor = ListCursor::at(index);
            cursor.page(0, len);
        }
        Intent::Up => cursor.up(len),
        Intent::Down => cursor.down(len),
        Intent::PageUp => cursor.page(-PAGE, len),
        Intent::PageDown => cursor.page(PAGE, len),
        Intent::First => cursor.first(),
        Intent::Last => cursor.last(len),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_intents_move_and_others_do_not() {
        let mut cursor = ListCursor::default();
        assert!(step(&mut cursor, Intent::PageDown, 25));
        assert_eq!(cursor.index(), 10);
        assert!(step(&mut cursor, Intent::Last, 25));
        assert_eq!(cursor.index(), 24);
        assert!(step(&mut cursor, Intent::PageDown, 25));
        assert_eq!(cursor.index(), 24);
        assert!(step(&mut cursor, Intent::Up, 25));
        assert_eq!(cursor.index(), 23);
        assert!(step(&mut cursor, Intent::PageUp, 25));
        assert_eq!(cursor.index(), 13);
        assert!(step(&mut cursor, Intent::First, 25));
        assert_eq!(cursor.index(), 0);
        assert!(!step(&mut cursor, Intent::Select, 25));
        assert!(!step(&mut cursor, Intent::Next, 25));
        assert_eq!(cursor.index(), 0);
        assert!(step(&mut cursor, Intent::Point(7), 25));
        assert_eq!(cursor.index(), 7);
        assert!(step(&mut cursor, Intent::Point(99), 25));
        assert_eq!(cursor.index(), 24, "a pick past the end stays in the list");
    }
}
