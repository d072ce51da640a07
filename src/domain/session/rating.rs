//! The one-key rating after each exercise: offered from the moment an
//! exercise is done until [`RATE_WINDOW`] later (a deadline, so a
//! hands-free session simply passes over it), while the session goes on.
//! The last exercise's rating is offered at the pain check-out, which
//! waits for an answer anyway: there it lasts until the check-out ends.
//! A rating given stays open to change while the offer lasts, so a key
//! pressed by mistake is not what the dose suggestions read.

use std::time::{Duration, Instant};

use super::{Phase, Session};
use crate::domain::session_record::Rating;

/// How long a rating stays offered after its exercise is done.
pub const RATE_WINDOW: Duration = Duration::from_secs(8);

/// A rating on offer: which exercise, until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingOffer {
    /// Index of the exercise in the plan.
    pub exercise: usize,
    /// When the offer lapses.
    pub until: Instant,
    /// The rating given so far (another key changes it).
    pub given: Option<Rating>,
}

impl Session {
    /// The rating on offer at `now`, if any.
    pub fn rating_offer(&self, now: Instant) -> Option<RatingOffer> {
        let open = |o: &RatingOffer| match self.phase {
            Phase::Running => now < o.until,
            Phase::CheckOut => true,
            _ => false,
        };
        self.offer.filter(open)
    }

    /// The name of the exercise whose rating is on offer at `now`.
    pub fn rating_asked(&self, now: Instant) -> Option<&str> {
        let offer = self.rating_offer(now)?;
        self.plan
            .exercises
            .get(offer.exercise)
            .map(|e| e.name.as_str())
    }

    /// The ratings given so far, one per exercise.
    pub fn ratings(&self) -> &[Option<Rating>] {
        &self.ratings
    }

    /// Rates the exercise on offer, or changes its rating while the
    /// offer lasts; `None` ends the offer, keeping any rating given.
    /// True when taken.
    pub fn rate(&mut self, rating: Option<Rating>, now: Instant) -> bool {
        let Some(offer) = self.rating_offer(now) else {
            return false;
        };
        let Some(rating) = rating else {
            self.offer = None;
            return true;
        };
        if let Some(slot) = self.ratings.get_mut(offer.exercise) {
            *slot = Some(rating);
        }
        self.offer = Some(RatingOffer {
            given: Some(rating),
            ..offer
        });
        if let Some(exercise) = self.plan.exercises.get(offer.exercise) {
            self.announcement = Some(format!("{}: {}", exercise.name, rating.label()));
        }
        true
    }

    /// Offers the rating of `exercise`, done at `at`.
    pub(super) fn offer_rating(&mut self, exercise: usize, at: Instant) {
        self.offer = Some(RatingOffer {
            exercise,
            until: at + RATE_WINDOW,
            given: None,
        });
    }

    /// Forgets a lapsed offer (at `now`).
    pub(super) fn settle_offer(&mut self, now: Instant) {
        if self.rating_offer(now).is_none() {
            self.offer = None;
        }
    }

    /// When the offer on screen lapses, if one does (only while running).
    pub(super) fn offer_wakeup(&self) -> Option<Instant> {
        self.offer
            .filter(|_| self.phase == Phase::Running)
            .map(|o| o.until)
    }
}
