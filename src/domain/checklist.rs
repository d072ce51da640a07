//! The checklist form being answered: one explicit yes/no per question,
//! nothing pre-selected, and no way to submit with a question unanswered.

use chrono::{DateTime, FixedOffset};

use super::cursor::ListCursor;
use super::safety::Answers;
use crate::content::model::ChecklistItem;

/// Answers given so far and the question under the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChecklistForm {
    /// One slot per checklist item: none until answered.
    pub answers: Vec<Option<bool>>,
    /// The current question.
    pub cursor: ListCursor,
}

impl ChecklistForm {
    /// A blank form for `count` questions: nothing answered.
    pub fn blank(count: usize) -> ChecklistForm {
        ChecklistForm {
            answers: vec![None; count],
            cursor: ListCursor::default(),
        }
    }

    /// Answers the current question, then moves to the next unanswered one
    /// (or stays at the end).
    pub fn answer(&mut self, yes: bool) {
        let at = self.cursor.index();
        let Some(slot) = self.answers.get_mut(at) else {
            return;
        };
        *slot = Some(yes);
        let count = self.answers.len();
        match (at + 1..count).find(|&i| self.answers[i].is_none()) {
            Some(next) => self.cursor = ListCursor::at(next),
            None => self.cursor.down(count),
        }
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
            self.cursor = ListCursor::at(missing);
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
