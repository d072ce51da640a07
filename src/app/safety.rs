//! Update handlers of the self-release flow: the checklist, the gate's
//! verdict with the technique list, the habit warning, the technique card
//! and the hurt guidance. Every way to a technique ends in
//! [`open_technique`], which asks the gate.

use chrono::{DateTime, FixedOffset};

use super::{App, Cmd, Intent, Now, Screen, list, scroll};
use crate::domain::card::Card;
use crate::domain::checklist::ChecklistForm;
use crate::domain::cursor::ListCursor;
use crate::domain::moderation;
use crate::domain::record::Record;
use crate::domain::safety::{self, Access, GateStatus};
use crate::store::settings_change::SettingsChange;

/// State of the safety screens, kept while the user moves between them.
#[derive(Debug, Clone)]
pub struct SafetyState {
    /// The checklist being answered.
    pub form: ChecklistForm,
    /// A technique asked for before the gate was passed; opened once it is.
    pub pending: Option<String>,
    /// Selected row of the technique list.
    pub selected: ListCursor,
    /// Where Esc leaves the self-release flow to.
    pub return_to: Screen,
    /// When self-release was used (from the history log, plus this run).
    pub uses: Vec<DateTime<FixedOffset>>,
    /// When the warnings were last read to the end.
    pub last_review: Option<DateTime<FixedOffset>>,
    /// Where Esc leaves the warnings to.
    pub warnings_return: Screen,
    /// True once this visit to the warnings has reached the end.
    pub reviewed_this_visit: bool,
    /// Days with self-release in the moderation window, when the habit
    /// warning was shown.
    pub habit_days: u32,
}

impl Default for SafetyState {
    fn default() -> Self {
        SafetyState {
            form: ChecklistForm::default(),
            pending: None,
            selected: ListCursor::default(),
            return_to: Screen::Home,
            uses: Vec::new(),
            last_review: None,
            warnings_return: Screen::Home,
            reviewed_this_visit: false,
            habit_days: 0,
        }
    }
}

impl SafetyState {
    /// Takes what this feature needs from the history log.
    pub fn absorb(&mut self, records: &[Record]) {
        for record in records {
            match record {
                Record::ReleaseUsed { at, .. } => self.uses.push(*at),
                Record::WarningsReviewed { at }
                    if self.last_review.is_none_or(|last| *at > last) =>
                {
                    self.last_review = Some(*at);
                }
                _ => {}
            }
        }
    }
}

/// Takes what the self-release flow needs from the history log: uses,
/// reviews, and "it hurt" reports. A hurt report in the log closes the
/// gate for its day whatever the settings file says, so no settings write
/// (a stale copy, another process) can erase it.
pub fn absorb(app: &mut App, records: &[Record]) {
    app.safety.absorb(records);
    let gate = &mut app.settings.safety_gate;
    for record in records {
        if let Record::ReleaseHurt { at, .. } = record {
            gate.hurt_at = gate.hurt_at.max(Some(*at));
        }
    }
}

/// Enters the self-release flow from `from` (home, library, command line),
/// optionally asking for one technique.
pub fn enter(app: &mut App, from: Screen, technique: Option<String>, now: Now) -> Vec<Cmd> {
    app.safety.return_to = from;
    app.safety.pending = technique;
    route(app, now)
}

/// Sends the user where the gate says: the checklist, the hurt guidance,
/// the habit warning, the asked-for technique, or the technique list.
fn route(app: &mut App, now: Now) -> Vec<Cmd> {
    let status = app
        .settings
        .safety_gate
        .status(&app.content.checklist, &now.wall);
    match status {
        GateStatus::Ask => {
            app.safety.form = ChecklistForm::blank(app.content.checklist.len());
            app.screen = Screen::Checklist;
            Vec::new()
        }
        GateStatus::Hurt => {
            app.safety.pending = None;
            app.screen = Screen::Hurt;
            Vec::new()
        }
        GateStatus::Answered(verdict) => {
            let any_open = app.content.techniques.iter().any(|t| verdict.allows(t));
            if any_open && habit_unacknowledged(app, now) {
                show_habit(app, now);
                return Vec::new();
            }
            match app.safety.pending.take() {
                Some(id) => open_technique(app, &id, now),
                None => {
                    app.screen = Screen::Release;
                    Vec::new()
                }
            }
        }
    }
}

fn habit_unacknowledged(app: &App, now: Now) -> bool {
    moderation::is_habit(&app.safety.uses, app.content.moderation, &now.wall)
        && !app.settings.safety_gate.habit_acknowledged(&now.wall)
}

fn show_habit(app: &mut App, now: Now) {
    app.safety.habit_days = moderation::days_with_today(
        &app.safety.uses,
        app.content.moderation.window_days,
        &now.wall,
    );
    app.screen = Screen::Habit;
}

enum Decision {
    Ask,
    Hurt,
    Locked(String),
    Habit,
    Open(usize),
}

/// The only way a technique card opens: asks the gate first.
pub fn open_technique(app: &mut App, id: &str, now: Now) -> Vec<Cmd> {
    let Some(technique) = app.content.technique(id) else {
        app.notice = Some(format!("There is no technique `{id}`."));
        app.screen = Screen::Release;
        return Vec::new();
    };
    let habit = moderation::is_habit(&app.safety.uses, app.content.moderation, &now.wall);
    let decision = match safety::access(
        &app.settings.safety_gate,
        &app.content.checklist,
        technique,
        habit,
        &now.wall,
    ) {
        Access::Ask => Decision::Ask,
        Access::Hurt => Decision::Hurt,
        Access::Locked(item) => Decision::Locked(format!(
            "{} stays locked today: {} See {}.",
            technique.name, item.why, item.see
        )),
        Access::HabitWarning => Decision::Habit,
        Access::Open => Decision::Open(technique.steps.len()),
    };
    match decision {
        Decision::Ask | Decision::Hurt => {
            app.safety.pending = Some(id.to_owned());
            route(app, now)
        }
        Decision::Locked(why) => {
            app.notice = Some(why);
            app.screen = Screen::Release;
            Vec::new()
        }
        Decision::Habit => {
            app.safety.pending = Some(id.to_owned());
            show_habit(app, now);
            Vec::new()
        }
        Decision::Open(steps) => {
            let at = now.wall.fixed_offset();
            app.card = Some(Card::open(id, steps));
            app.screen = Screen::Technique;
            app.safety.uses.push(at);
            vec![Cmd::Append(Record::ReleaseUsed {
                at,
                technique: id.to_owned(),
            })]
        }
    }
}

/// The checklist: y/n answer, arrows move, Enter submits only when every
/// question has an answer.
pub fn checklist(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    // The page keys and the wheel read what a yes would do; the arrows
    // move between the questions.
    if scroll::page_keys(app, msg) {
        return Vec::new();
    }
    let form = &mut app.safety.form;
    if list::step(&mut form.cursor, msg, form.answers.len()) {
        return Vec::new();
    }
    match msg {
        Intent::Yes => form.answer(true),
        Intent::No => form.answer(false),
        Intent::Select => {
            let at = now.wall.fixed_offset();
            match form.submit(&app.content.checklist, at) {
                Some(answers) => {
                    app.settings.safety_gate.answers = Some(answers.clone());
                    app.safety.selected = ListCursor::default();
                    let mut cmds = vec![Cmd::SaveSettings(SettingsChange::GateAnswers(answers))];
                    cmds.extend(route(app, now));
                    return cmds;
                }
                None => {
                    let left = form.answers.len() - form.answered();
                    app.notice = Some(format!(
                        "Answer every question with y (yes) or n (no) first: {left} left."
                    ));
                }
            }
        }
        Intent::Back => leave(app),
        _ => {}
    }
    Vec::new()
}

fn leave(app: &mut App) {
    app.safety.pending = None;
    app.card = None;
    app.screen = app.safety.return_to;
}

/// The verdict and the technique list.
pub fn release(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    // The page keys and the wheel read the reasons; the arrows move in
    // the list.
    if scroll::page_keys(app, msg) {
        return Vec::new();
    }
    let techniques = &app.content.techniques;
    if list::step(&mut app.safety.selected, msg, techniques.len()) {
        return Vec::new();
    }
    match msg {
        Intent::Select => {
            let selected = app.safety.selected.index();
            if let Some(id) = techniques.get(selected).map(|t| t.id.clone()) {
                return open_technique(app, &id, now);
            }
        }
        Intent::OpenWarnings => return super::warnings::open(app, Screen::Release),
        Intent::Back => leave(app),
        _ => {}
    }
    Vec::new()
}

/// The habit warning: opens only on an explicit acknowledgement.
pub fn habit(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    match msg {
        Intent::Acknowledge => {
            let at = now.wall.fixed_offset();
            app.settings.safety_gate.habit_acknowledged_at = Some(at);
            let mut cmds = vec![Cmd::SaveSettings(SettingsChange::HabitAcknowledged(at))];
            cmds.extend(route(app, now));
            cmds
        }
        Intent::OpenWarnings => super::warnings::open(app, Screen::Habit),
        Intent::Back => {
            leave(app);
            Vec::new()
        }
        other => {
            scroll::keys(app, other);
            Vec::new()
        }
    }
}

/// A technique card: the card keys, plus the hurt report.
pub fn technique(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    let Some(id) = app.card.as_ref().map(|c| c.exercise_id.clone()) else {
        app.screen = Screen::Release;
        return Vec::new();
    };
    if msg == Intent::ReportHurt {
        let at = now.wall.fixed_offset();
        app.settings.safety_gate.report_hurt(at);
        app.card = None;
        app.safety.pending = None;
        app.screen = Screen::Hurt;
        return vec![
            Cmd::SaveSettings(SettingsChange::HurtReported(at)),
            Cmd::Append(Record::ReleaseHurt { at, technique: id }),
        ];
    }
    // The gate may have closed since the card opened (midnight passed):
    // the next key leaves the card for whatever the gate says now.
    let still_open = app.content.technique(&id).is_some_and(|t| {
        matches!(
            app.settings
                .safety_gate
                .status(&app.content.checklist, &now.wall),
            GateStatus::Answered(ref v) if v.allows(t)
        )
    });
    if !still_open {
        app.card = None;
        return route(app, now);
    }
    if !super::library::step_through(app, msg) && msg == Intent::Back {
        app.card = None;
        app.screen = Screen::Release;
    }
    Vec::new()
}

/// The stop-and-seek-help guidance.
pub fn hurt(app: &mut App, msg: Intent) -> Vec<Cmd> {
    match msg {
        Intent::OpenWarnings => super::warnings::open(app, Screen::Hurt),
        Intent::Back | Intent::Select => {
            leave(app);
            Vec::new()
        }
        other => {
            scroll::keys(app, other);
            Vec::new()
        }
    }
}
