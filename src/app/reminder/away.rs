//! Away credit (opt-in, `reminder.away_credit`): time away from the
//! keyboard, noticed from focus lost/gained reports, or from the idle time
//! tmux or logind report when a reminder comes due, is offered as a
//! stand-up on return: "Away 12 min: count it as a stand-up? y/n". Never
//! credited silently. Pure: the probes run on a worker (`Work::ProbeIdle`)
//! and answer with `Outcome::Reminder(Heard::Idle)`.

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::{Heard, Work};
use crate::app::{App, Cmd, Intent, Msg, Outcome};
use crate::domain::record::{Record, StandupOutcome};

/// The away part of the reminder's state.
#[derive(Debug, Clone, Default)]
pub struct Away {
    /// Away since then (focus lost, or idle reported).
    pub since: Option<DateTime<FixedOffset>>,
    /// Back after this long: the question is on screen.
    pub asking: Option<TimeDelta>,
    /// The due time the idle probes were last asked about.
    pub probed: Option<DateTime<FixedOffset>>,
}

/// Handles what away credit listens to; `Some(cmds)` when the message was
/// its own (or a key it swallowed).
pub fn intercept(app: &mut App, msg: &Msg, now: DateTime<FixedOffset>) -> Option<Vec<Cmd>> {
    if !app.settings.reminder.away_credit {
        app.reminder.away = Away::default();
        return None;
    }
    let minimum = TimeDelta::minutes(i64::from(app.settings.reminder.away_minutes));
    let away = &mut app.reminder.away;
    match msg {
        Msg::Key(intent) if away.asking.is_some() => Some(answer(app, *intent, now)),
        Msg::Outcome(Outcome::Reminder(Heard::FocusLost)) => {
            away.since.get_or_insert(now);
            Some(Vec::new())
        }
        Msg::Outcome(Outcome::Reminder(Heard::Idle(Some(seconds)))) => {
            let idle = TimeDelta::seconds(i64::try_from(*seconds).unwrap_or(i64::MAX / 1000));
            if idle >= minimum {
                away.since = Some(away.since.map_or(now - idle, |s| s.min(now - idle)));
            }
            Some(Vec::new())
        }
        Msg::Outcome(Outcome::Reminder(Heard::Idle(None))) => Some(Vec::new()),
        // Back: focus regained, or any key while away.
        Msg::Outcome(
            Outcome::Reminder(Heard::FocusGained) | Outcome::Reminder(Heard::Activity),
        )
        | Msg::Key(_) => {
            let since = away.since.take()?;
            let gone = now - since;
            if gone < minimum {
                return matches!(msg, Msg::Outcome(_)).then(Vec::new);
            }
            away.asking = Some(gone);
            app.help_open = false;
            // The key that brought the user back only shows the question.
            Some(Vec::new())
        }
        _ => None,
    }
}

/// `y` counts the time away as a stand-up (recorded as the overlay's
/// "done" is, the interval starting again); `n` or Esc does not; `?`
/// shows these keys.
fn answer(app: &mut App, intent: Intent, now: DateTime<FixedOffset>) -> Vec<Cmd> {
    match intent {
        Intent::Yes => {
            app.reminder.away.asking = None;
            let rules = app.settings.reminder.rules(false);
            let Some(schedule) = app.reminder.schedule.as_mut() else {
                return Vec::new();
            };
            schedule.answer(&rules, StandupOutcome::Done, now);
            app.reminder.stood_up.push(now);
            app.reminder.showing = false;
            app.reminder.announced = None;
            vec![
                Cmd::SaveSchedule,
                Cmd::Append(Record::Standup {
                    at: now,
                    outcome: StandupOutcome::Done,
                }),
            ]
        }
        Intent::No | Intent::Back => {
            app.reminder.away.asking = None;
            Vec::new()
        }
        Intent::ToggleHelp => {
            app.help_open = !app.help_open;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// When a reminder newly comes due: ask the idle probes once for it.
pub fn probe(app: &mut App, due: DateTime<FixedOffset>) -> Option<Cmd> {
    let away = &mut app.reminder.away;
    (app.settings.reminder.away_credit && away.probed != Some(due)).then(|| {
        away.probed = Some(due);
        Cmd::Reminder(Work::ProbeIdle)
    })
}

/// The question, while it is asked: "Away 12 min: count it as a stand-up?".
pub fn question(app: &App) -> Option<String> {
    let gone = app.reminder.away.asking?;
    Some(format!(
        "Away {} min: count it as a stand-up? y/n",
        gone.num_minutes()
    ))
}
