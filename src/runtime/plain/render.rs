//! The plain renderer: turns the model into lines, printing only what
//! changed since the last look (a new spot, a notice, a mark such as
//! "10 s left"), never a line per second. Pure: the model and the time
//! come in, lines go out.

use std::time::Duration;

use super::answer::HOME;
use super::spot::Spot;
use super::{safety_lines, session_lines, therapy_lines};
use crate::app::{App, Now};
use crate::domain::plan::{BeatKind, Plan};
use crate::domain::reminder::ASK;
use crate::time::words::{about_minutes, clock};
use crate::ui::disclaimer::SECTION;
use crate::ui::quit::quit_words;

/// A hold at least this long gets a "10 s left" line.
pub const LONG_HOLD: Duration = Duration::from_secs(30);
/// When that line comes.
const HOLD_MARK: Duration = Duration::from_secs(10);

/// What was printed last: the spot, the notice and the latest mark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Printed {
    /// The spot whose lines were printed.
    pub spot: Option<Spot>,
    notice: Option<String>,
    /// A notice was printed since the spot's lines were.
    noticed: bool,
    mark: Option<u64>,
}

impl Printed {
    /// A key was sent: the notice it clears may be set again to the same
    /// words (the same refusal twice), which must be printed again.
    pub fn keyed(&mut self) {
        self.notice = None;
    }
}

/// The app's notice, when it is new since the last look; updates
/// `printed`.
pub fn notice(printed: &mut Printed, app: &App) -> Option<String> {
    if app.notice == printed.notice {
        return None;
    }
    printed.notice.clone_from(&app.notice);
    printed.noticed |= app.notice.is_some();
    app.notice.clone()
}

/// The lines to print for the app as it is at `now`, given what was
/// printed before (a new notice first, then what changed at the spot);
/// updates `printed`.
pub fn lines(printed: &mut Printed, app: &App, now: Now) -> Vec<String> {
    let mut out: Vec<String> = notice(printed, app).into_iter().collect();
    let noticed = std::mem::take(&mut printed.noticed);
    let spot = Spot::of(app, now);
    let mark = mark(app, &spot, now);
    match &printed.spot {
        Some(before) if *before == spot => {
            if mark.is_some() && mark != printed.mark {
                out.extend(mark_line(&spot, mark));
            }
            if let (true, Spot::Checklist { question, complete }) = (noticed, &spot) {
                // Refused: ask the unanswered question again.
                out.extend(safety_lines::checklist(app, *question, *complete, false));
            }
        }
        before => out.extend(spot_lines(&spot, before.as_ref(), app, now)),
    }
    printed.spot = Some(spot);
    printed.mark = mark;
    out
}

/// The lines of `spot`, coming from `before`.
fn spot_lines(spot: &Spot, before: Option<&Spot>, app: &App, now: Now) -> Vec<String> {
    let session = app.session.as_ref();
    match spot {
        Spot::Disclaimer => disclaimer(app),
        Spot::QuitAsk(_) => quit_words(app, now)
            .map(|w| {
                vec![
                    w.what,
                    w.then,
                    "Type y to quit, or anything else to stay.".into(),
                ]
            })
            .unwrap_or_default(),
        Spot::Standup => vec![
            format!("Stand up: {ASK}"),
            format!(
                "Type d once you have stood up, s to snooze {} min, x to skip this one.",
                app.settings.reminder.snooze_minutes
            ),
        ],
        Spot::Home => home(),
        Spot::Routines => routines(app),
        Spot::Preview | Spot::Elsewhere => Vec::new(),
        Spot::CheckIn | Spot::CheckOut => session
            .map(|session| {
                let mut lines = session_lines::check(session);
                lines.extend(session_lines::rating(session, now.instant));
                lines
            })
            .unwrap_or_default(),
        Spot::Beat { index, paused, .. } => {
            let Some(session) = session else {
                return Vec::new();
            };
            let mut lines = match before {
                Some(Spot::Beat { index: was, .. }) if was == index => Vec::new(),
                Some(Spot::Confirm) => vec!["Carrying on.".to_owned()],
                _ => {
                    let mut lines = session_lines::beat(session);
                    lines.extend(session_lines::rating(session, now.instant));
                    lines
                }
            };
            let was_paused = matches!(before, Some(Spot::Beat { paused: true, .. }));
            if *paused || was_paused {
                lines.push(session_lines::pause(session));
            }
            lines
        }
        Spot::Confirm => vec![session_lines::CONFIRM.to_owned()],
        // Only the suggestion was answered: its notice says what happened.
        Spot::Summary { .. } if matches!(before, Some(Spot::Summary { .. })) => Vec::new(),
        Spot::SessionHurt { .. } if matches!(before, Some(Spot::SessionHurt { .. })) => Vec::new(),
        Spot::Summary { .. } => session
            .map(|session| {
                let mut lines = session_lines::summary(session);
                let today = now.wall.date_naive();
                if let Some(tip) = crate::content::tips::of_the_day(&app.content.tips, today) {
                    lines.push(format!("Tip · {}: {}", tip.title, tip.text));
                }
                lines.extend(session_lines::suggestion(app));
                lines
            })
            .unwrap_or_default(),
        Spot::SessionHurt { .. } => {
            let mut lines = session_lines::hurt(app);
            lines.extend(session_lines::suggestion(app));
            lines
        }
        Spot::TherapyPick => therapy_lines::pick(app, now),
        Spot::TherapyCheck(planned) => match before {
            Some(Spot::TherapyCheck(_)) => vec![therapy_lines::length(*planned)],
            _ => therapy_lines::check(app),
        },
        Spot::RestGap => therapy_lines::rest_gap(app, now),
        Spot::PackOn { segment, planned } => match (before, &app.therapy.session) {
            (Some(Spot::PackOn { segment: was, .. }), _) if was != segment => {
                therapy_lines::switch(app, now).into_iter().collect()
            }
            (Some(Spot::PackOn { planned: was, .. }), Some(on)) if was != planned => {
                vec![format!("Now {}.", therapy_lines::left(on, now))]
            }
            _ => therapy_lines::on(app, now),
        },
        Spot::Alert => therapy_lines::alert(app),
        Spot::Checklist { question, complete } => {
            let first = !matches!(before, Some(Spot::Checklist { .. }));
            safety_lines::checklist(app, *question, *complete, first)
        }
        Spot::Release => safety_lines::release(app),
        Spot::Habit => safety_lines::habit(app),
        Spot::Technique => safety_lines::technique(app),
        Spot::ReleaseHurt => safety_lines::hurt(app),
    }
}

/// The mark reached at `spot`: seconds left in a long hold, or minutes
/// left with a pack on.
fn mark(app: &App, spot: &Spot, now: Now) -> Option<u64> {
    match spot {
        Spot::Beat { paused: false, .. } => {
            let session = app.session.as_ref()?;
            let beat = session.current()?;
            let timer = session.timer()?;
            let long = beat.kind == BeatKind::Hold && beat.length >= LONG_HOLD;
            (long && timer.remaining(now.instant) <= HOLD_MARK).then_some(HOLD_MARK.as_secs())
        }
        Spot::PackOn { .. } => therapy_lines::mark(app, now),
        _ => None,
    }
}

fn mark_line(spot: &Spot, mark: Option<u64>) -> Option<String> {
    let mark = mark?;
    match spot {
        Spot::Beat { .. } => Some(format!("{mark} s left.")),
        Spot::PackOn { .. } => Some(format!("{mark} min left.")),
        _ => None,
    }
}

fn disclaimer(app: &App) -> Vec<String> {
    let mut lines = vec!["A coach, not a diagnosis.".to_owned()];
    if let Some(section) = app.content.warning(SECTION) {
        lines.push(section.intro.clone());
        for item in &section.items {
            lines.push(format!("{}: {}", item.title, item.text));
        }
    }
    lines.push("Type y to accept and go on, or q to quit. This is asked only once.".to_owned());
    lines
}

fn home() -> Vec<String> {
    let mut lines = vec!["What would you like to do?".to_owned()];
    for (n, entry) in HOME.iter().enumerate() {
        lines.push(format!(
            "  {}. {}: {}",
            n + 1,
            entry.label(),
            entry.description()
        ));
    }
    lines.push("Type a number, or q to quit.".to_owned());
    lines
}

fn routines(app: &App) -> Vec<String> {
    let mut lines = vec!["Choose a routine:".to_owned()];
    for (n, routine) in app.content.routines.iter().enumerate() {
        let length = Plan::build(routine, &app.content).estimated();
        lines.push(format!(
            "  {}. {} ({}, {}): {}",
            n + 1,
            routine.name,
            clock(length),
            about_minutes(length),
            routine.summary
        ));
    }
    lines.push("Type a number to start it, or q to go back.".to_owned());
    lines
}
