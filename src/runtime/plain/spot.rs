//! Where the plain dialogue is: the one question (or beat) the model is
//! at, read from the app's state. Two spots differ exactly when something
//! worth a new line has changed, so the printer prints on a change of
//! spot, and the answer reader reads a line as an answer to the spot.

use std::time::Duration;

use crate::app::therapy::Stage;
use crate::app::{App, Now, Screen};
use crate::domain::plan::BeatKind;
use crate::domain::session::Phase;

/// What the dialogue is at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// The first-run statement, waiting for `y`.
    Disclaimer,
    /// "Quit with a pack on?", with whether a `remind` watches, once known.
    QuitAsk(Option<bool>),
    /// The stand-up reminder is due.
    Standup,
    /// The numbered menu of what plain mode runs.
    Home,
    /// The numbered routine menu.
    Routines,
    /// A routine's preview (passed through: a number starts the routine).
    Preview,
    /// The pain check-in.
    CheckIn,
    /// A beat of the session: which, whether paused, whether it waits
    /// for Enter.
    Beat {
        /// Index of the beat.
        index: usize,
        /// Paused (by the user or for the heat/cold alarm).
        paused: bool,
        /// A beat without a hold: Enter ends it.
        manual: bool,
    },
    /// "Leave the session?"
    Confirm,
    /// The pain check-out.
    CheckOut,
    /// The session's summary; `offered`: a dose suggestion waits for y
    /// or Enter.
    Summary {
        /// A suggestion is on offer.
        offered: bool,
    },
    /// The session stopped for pain; `offered` as for the summary.
    SessionHurt {
        /// A suggestion is on offer.
        offered: bool,
    },
    /// Choosing heat, cold or contrast.
    TherapyPick,
    /// A mode's guidance and skin check, at this length.
    TherapyCheck(Duration),
    /// The last application ended less than the rest gap ago.
    RestGap,
    /// A pack is on: the contrast segment and the planned length.
    PackOn {
        /// Index of the contrast segment (0 for heat or cold).
        segment: usize,
        /// The planned length, changed by `+` and `-`.
        planned: Duration,
    },
    /// Time is up: the pack must come off.
    Alert,
    /// The safety checklist at this question; `complete` once every
    /// question has an answer.
    Checklist {
        /// Index of the current question.
        question: usize,
        /// Every question has an answer.
        complete: bool,
    },
    /// The gate's verdict and the technique list.
    Release,
    /// The habit warning.
    Habit,
    /// A technique's card.
    Technique,
    /// Stop-and-get-help after a self-release hurt report.
    ReleaseHurt,
    /// A screen plain mode does not show: it goes back from there.
    Elsewhere,
}

impl Spot {
    /// The spot the app is at, at `now`. An overlay (the quit question,
    /// the stand-up reminder) comes before the screen beneath it.
    pub fn of(app: &App, now: Now) -> Spot {
        if let Some(ask) = app.quit_ask {
            return Spot::QuitAsk(ask.watched);
        }
        if app.reminder.showing {
            return Spot::Standup;
        }
        match app.screen {
            Screen::Disclaimer => Spot::Disclaimer,
            Screen::Home => Spot::Home,
            Screen::Routines => Spot::Routines,
            Screen::RoutinePreview => Spot::Preview,
            Screen::Session => session_spot(app),
            Screen::Therapy => therapy_spot(app, now),
            Screen::Checklist => {
                let form = &app.safety.form;
                Spot::Checklist {
                    question: form.cursor.index(),
                    complete: form.first_unanswered().is_none(),
                }
            }
            Screen::Release => Spot::Release,
            Screen::Habit => Spot::Habit,
            Screen::Technique => Spot::Technique,
            Screen::Hurt => Spot::ReleaseHurt,
            Screen::Library
            | Screen::Card
            | Screen::Warnings
            | Screen::History
            | Screen::Reminder => Spot::Elsewhere,
        }
    }

    /// True where `!` (it hurts) means something: it stops a session,
    /// reports a technique, takes a pack off.
    pub fn takes_hurt(&self) -> bool {
        matches!(
            self,
            Spot::CheckIn
                | Spot::Beat { .. }
                | Spot::Confirm
                | Spot::CheckOut
                | Spot::PackOn { .. }
                | Spot::Technique
                | Spot::Standup
        )
    }
}

fn session_spot(app: &App) -> Spot {
    let Some(session) = &app.session else {
        return Spot::Elsewhere;
    };
    match session.phase {
        Phase::CheckIn => Spot::CheckIn,
        Phase::Running => Spot::Beat {
            index: session.beat,
            paused: session.paused,
            manual: session
                .current()
                .is_some_and(|b| b.kind == BeatKind::Manual),
        },
        Phase::Confirm => Spot::Confirm,
        Phase::CheckOut => Spot::CheckOut,
        Phase::Summary => Spot::Summary {
            offered: app.doses.suggestion.is_some(),
        },
        Phase::Hurt => Spot::SessionHurt {
            offered: app.doses.suggestion.is_some(),
        },
    }
}

fn therapy_spot(app: &App, now: Now) -> Spot {
    let therapy = &app.therapy;
    if therapy.alert.is_some() {
        return Spot::Alert;
    }
    if let Some(session) = &therapy.session {
        return Spot::PackOn {
            segment: session.segment(now).0,
            planned: session.planned(),
        };
    }
    match therapy.stage {
        Stage::Pick => Spot::TherapyPick,
        Stage::Check => Spot::TherapyCheck(therapy.planned),
        Stage::RestGap => Spot::RestGap,
    }
}
