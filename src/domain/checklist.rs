//! The checklist form being answered: one explicit yes/no per question,
//! nothing pre-selected, and no way to submit with a question unanswered.

use chrono::{DateTime, FixedOffset};

use super::safety::Answers;
use crate::content::model::ChecklistItem;

/// Answers given so far and the question under the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChecklistForm {
    /// One slot per checklist item: none until answered.
    pub answers: Vec<Option<bool>>,
    /// Index of the current question.
    pub cursor: usize,
}

impl ChecklistForm {
    /// A blank form for `count` questions: nothing answered.
    pub fn blank(count: usize) -> ChecklistForm {
        ChecklistForm {
            answers: vec![None; count],
            cursor: 0,
        }
    }

    /// Answers the current question, then moves to the next unanswered one
    /// (or stays at the end).
    pub fn answer(&mut self, yes: bool) {
        let Some(slot) = self.answers.get_mut(self.cursor) else {
            return;
        };
        *slot = Some(yes);
        let count = self.answers.len();
        if let Some(next) = (self.cursor + 1..count).find(|&i| self.answers[i].is_none()) {
            self.cursor = next;
        } else if self.cursor + 1 < count {
            self.cursor += 1;
        }
    }

    /// Moves the cursor by `delta`, stopping at either end.
    pub fn move_by(&mut self, delta: isize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(self.answers.len().saturating_sub(1));
    }

    /// Jumps to the first or last question.
    pub fn jump(&mut self, to_end: bool) {
        self.cursor = if to_end {
            self.answers.len().saturating_sub(1)
        } else {
            0
        };
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// The first question without an answer.
    pub fn first_unanswered(&self) -> Option<usize> {
        self.answers.iter().position(Option::is_none)
    }

    /// The stored answers, when every question has one; otherwise moves the
    /// cursor to the first unanswered question and returns none.
    pub fn submit(
        &mut self,
        checklist: &[ChecklistItem],
        at: DateTime<FixedOffset>,
    ) -> Option<Answers> {
        if self.answers.len() != checklist.len() {
            *self = ChecklistForm::blank(checklist.len());
            return None;
        }
        if let Some(missing) = self.first_unanswered() {
            self.cursor = missing;
            return None;
        }
        let mut answers = Answers {
            at,
            yes: Vec::new(),
            no: Vec::new(),
        };
        for (item, answer) in checklist.iter().zip(&self.answers) {
            match answer {
                Some(true) => answers.yes.push(item.id.clone()),
                _ => answers.no.push(item.id.clone()),
            }
        }
        Some(answers)
    }
}
