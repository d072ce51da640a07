//! A card being read: which exercise and which step is current.

/// The step cursor of an open exercise card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Id of the exercise shown.
    pub exercise_id: String,
    /// Index of the current step.
    pub step: usize,
    /// How many steps the exercise has.
    pub steps: usize,
}

impl Card {
    /// Opens a card at its first step.
    pub fn open(exercise_id: &str, steps: usize) -> Card {
        Card {
            exercise_id: exercise_id.to_owned(),
            step: 0,
            steps,
        }
    }

    /// Next step; stays on the last.
    pub fn next(&mut self) {
        self.step = (self.step + 1).min(self.steps.saturating_sub(1));
    }

    /// Previous step; stays on the first.
    pub fn previous(&mut self) {
        self.step = self.step.saturating_sub(1);
    }

    /// First or last step.
    pub fn jump(&mut self, to_end: bool) {
        self.step = if to_end {
            self.steps.saturating_sub(1)
        } else {
            0
        };
    }

    /// True on the last step.
    pub fn at_last(&self) -> bool {
        self.step + 1 >= self.steps
    }
}
