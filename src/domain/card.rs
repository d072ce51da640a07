//! A card being read: which exercise and which step is current.

use super::cursor::ListCursor;

/// The step cursor of an open exercise card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Id of the exercise shown.
    pub exercise_id: String,
    /// The current step.
    pub step: ListCursor,
    /// How many steps the exercise has.
    pub steps: usize,
}

impl Card {
    /// Opens a card at its first step.
    pub fn open(exercise_id: &str, steps: usize) -> Card {
        Card {
            exercise_id: exercise_id.to_owned(),
            step: ListCursor::default(),
            steps,
        }
    }

    /// True on the last step.
    pub fn at_last(&self) -> bool {
        self.step.index() + 1 >= self.steps
    }
}
