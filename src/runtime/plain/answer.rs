//! What a line typed (or piped) in plain mode means at the current spot:
//! the key intents it stands for, `Later` for an answer to a question not
//! asked yet (it waits for it), or a hint when it means nothing here.
//! Only the mapping lives here; every rule stays in `update`.

use super::spot::Spot;
use crate::app::{App, HomeEntry, Intent, Screen};
use crate::domain::session_record::Rating;

/// The home entries plain mode runs, in the order it lists them.
pub const HOME: [HomeEntry; 3] = [
    HomeEntry::Session,
    HomeEntry::Therapy,
    HomeEntry::SelfRelease,
];

/// What a line stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// These intents, in order.
    Intents(Vec<Intent>),
    /// An answer to a later question (a pain rating during a hold): it
    /// waits, with every line after it.
    Later,
    /// Nothing here: say this and drop the line.
    Hint(&'static str),
}

/// What `line` means at `spot`.
pub fn answer(spot: &Spot, line: &str, app: &App) -> Answer {
    let word = line.trim().to_lowercase();
    let word = word.as_str();
    let keys = |intents: &[Intent]| Answer::Intents(intents.to_vec());
    match spot {
        Spot::Disclaimer => match word {
            "y" | "yes" => keys(&[Intent::Select]),
            "q" | "n" | "no" => keys(&[Intent::Back]),
            _ => Answer::Hint("Type y to accept and go on, or q to quit."),
        },
        Spot::QuitAsk(_) => match word {
            "y" | "yes" => keys(&[Intent::Yes]),
            _ => keys(&[Intent::No]),
        },
        Spot::Standup => match word {
            // Not an empty line: a script's Enter meant for something else
            // must not log a stand-up nobody did.
            "d" | "y" | "done" => keys(&[Intent::StandupDone]),
            "s" | "z" => keys(&[Intent::StandupSnooze]),
            "x" => keys(&[Intent::StandupSkip]),
            "q" => keys(&[Intent::Back]),
            "!" => Answer::Intents(std::iter::once(Intent::Back).chain(hurt(app)).collect()),
            _ => Answer::Hint("Type d once you have stood up, s to snooze, x to skip."),
        },
        Spot::Home => pick(word, HOME.len(), home_intents),
        Spot::Routines => pick(word, app.content.routines.len(), |n| {
            let mut intents = down_to(n);
            intents.extend([Intent::Select, Intent::Select]);
            intents
        }),
        Spot::TherapyPick => pick(word, app.content.therapy.len(), |n| {
            let mut intents = down_to(n);
            intents.push(Intent::Select);
            intents
        }),
        Spot::Release => pick(word, app.content.techniques.len(), |n| {
            let mut intents = down_to(n);
            intents.push(Intent::Select);
            intents
        }),
        Spot::CheckOut if rating(word).is_some() => keys(&[Intent::Rate(rating(word))]),
        Spot::CheckIn | Spot::CheckOut => pain(word),
        Spot::Beat { .. } if rating(word).is_some() => keys(&[Intent::Rate(rating(word))]),
        Spot::Beat { manual: false, .. } if word.is_empty() && offered(app) => {
            keys(&[Intent::Rate(None)])
        }
        Spot::Beat { manual, .. } => beat(word, *manual),
        Spot::Confirm => match word {
            "y" | "yes" => keys(&[Intent::Select]),
            "!" => keys(&[Intent::Hurt]),
            _ => keys(&[Intent::Back]),
        },
        Spot::Summary { offered: true } | Spot::SessionHurt { offered: true } => match word {
            "y" | "yes" => keys(&[Intent::Yes]),
            "" | "n" | "no" => keys(&[Intent::Select]),
            _ => Answer::Hint("Type y to accept the suggested step, or just Enter to leave it."),
        },
        Spot::Preview | Spot::Summary { .. } | Spot::SessionHurt { .. } | Spot::Elsewhere => {
            Answer::Later
        }
        Spot::TherapyCheck(_) => match word {
            "y" | "yes" => keys(&[Intent::Yes]),
            "+" => keys(&[Intent::Longer]),
            "-" => keys(&[Intent::Shorter]),
            "" => keys(&[Intent::Select]),
            "q" | "n" | "no" => keys(&[Intent::Back]),
            _ => Answer::Hint("Type y to start, + or - to change the length, or q to go back."),
        },
        Spot::RestGap => match word {
            "y" | "yes" => keys(&[Intent::ConfirmAnyway]),
            _ => keys(&[Intent::Back]),
        },
        Spot::PackOn { .. } => match word {
            "r" | "x" | "!" | "off" => keys(&[Intent::PackRemoved]),
            "+" => keys(&[Intent::Longer]),
            "-" => keys(&[Intent::Shorter]),
            "q" => keys(&[Intent::Quit]),
            _ => {
                Answer::Hint("The pack is on: type r once it is off, + or - to change the length.")
            }
        },
        Spot::Alert => match word {
            "" | "y" | "yes" | "ok" | "off" => keys(&[Intent::Select]),
            _ => Answer::Hint("Type y (or just Enter) once the pack is off."),
        },
        // Once all are answered the cursor rests on the last question: a
        // stray y or n would change that answer unseen.
        Spot::Checklist { complete: true, .. } => match word {
            "" => keys(&[Intent::Select]),
            "q" => keys(&[Intent::Back]),
            _ => {
                Answer::Hint("Every question has an answer: press Enter to go on, or q to go back.")
            }
        },
        Spot::Checklist { .. } => match word {
            "y" | "yes" => keys(&[Intent::Yes]),
            "n" | "no" => keys(&[Intent::No]),
            "" => keys(&[Intent::Select]),
            "q" => keys(&[Intent::Back]),
            _ => Answer::Hint("Type y (yes) or n (no), or q to go back."),
        },
        Spot::Habit => match word {
            "a" => keys(&[Intent::Acknowledge]),
            "q" | "n" | "no" => keys(&[Intent::Back]),
            _ => Answer::Hint("Type a to acknowledge this, or q to go back."),
        },
        Spot::Technique => match word {
            "x" | "!" => keys(&[Intent::ReportHurt]),
            "" | "q" => keys(&[Intent::Back]),
            _ => Answer::Hint("Type x (or !) if it hurt, or just Enter when you are done."),
        },
        Spot::ReleaseHurt => keys(&[Intent::Back]),
    }
}

/// What "this hurts" is on the screen beneath an overlay.
fn hurt(app: &App) -> Option<Intent> {
    match app.screen {
        Screen::Session => Some(Intent::Hurt),
        Screen::Technique => Some(Intent::ReportHurt),
        Screen::Therapy if app.therapy.session.is_some() => Some(Intent::PackRemoved),
        _ => None,
    }
}

/// A numbered menu: a number from 1 to `count` stands for `intents(n)`,
/// `q` goes back.
fn pick(word: &str, count: usize, intents: impl Fn(usize) -> Vec<Intent>) -> Answer {
    if word == "q" {
        return Answer::Intents(vec![Intent::Back]);
    }
    match word.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => Answer::Intents(intents(n)),
        _ => Answer::Hint("Type one of the numbers, or q to go back."),
    }
}

/// To entry `n` (from 1) of a list.
fn down_to(n: usize) -> Vec<Intent> {
    let mut intents = vec![Intent::First];
    intents.extend(std::iter::repeat_n(Intent::Down, n.saturating_sub(1)));
    intents
}

fn home_intents(n: usize) -> Vec<Intent> {
    let index = HOME
        .get(n.saturating_sub(1))
        .and_then(|entry| HomeEntry::ALL.iter().position(|e| e == entry))
        .unwrap_or(0);
    let mut intents = down_to(index + 1);
    intents.push(Intent::Select);
    intents
}

/// The rating a word gives: its key or its words.
fn rating(word: &str) -> Option<Rating> {
    Rating::ALL
        .into_iter()
        .find(|r| word == r.key().to_string() || word == r.label())
}

/// True while a rating is asked: on offer and not given yet.
fn offered(app: &App) -> bool {
    let session = app.session.as_ref();
    app.now
        .zip(session)
        .and_then(|(now, s)| s.rating_offer(now.instant))
        .is_some_and(|offer| offer.given.is_none())
}

/// A pain rating: a whole number 0 to 10, typed digit by digit (so "10"
/// is a 1 then a 0 at the same moment), then kept; empty skips.
fn pain(word: &str) -> Answer {
    match word {
        "" => return Answer::Intents(vec![Intent::Next]),
        "!" => return Answer::Intents(vec![Intent::Hurt]),
        "q" => return Answer::Intents(vec![Intent::Back]),
        _ => {}
    }
    match word.parse::<u8>() {
        Ok(value) if value <= crate::domain::session::PAIN_MAX && word.len() <= 2 => {
            let mut intents: Vec<Intent> = word
                .bytes()
                .map(|b| Intent::Digit(b.saturating_sub(b'0')))
                .collect();
            intents.push(Intent::Select);
            Answer::Intents(intents)
        }
        _ => {
            Answer::Hint("Type a number from 0 (no pain) to 10 (the worst), or just Enter to skip.")
        }
    }
}

/// During a beat: the session's commands at once; Enter ends a beat
/// without a hold; a number waits for the pain check-out.
fn beat(word: &str, manual: bool) -> Answer {
    let keys = |intent| Answer::Intents(vec![intent]);
    match word {
        "!" => keys(Intent::Hurt),
        "p" => keys(Intent::TogglePause),
        "n" => keys(Intent::Next),
        "b" => keys(Intent::Previous),
        "q" => keys(Intent::Back),
        "" if manual => keys(Intent::Select),
        "" => Answer::Later,
        _ if word.bytes().all(|b| b.is_ascii_digit()) => Answer::Later,
        _ => Answer::Hint(
            "During the session: ! stops for pain, p pauses, n skips the exercise, b goes back, q leaves.",
        ),
    }
}
