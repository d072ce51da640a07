//! Every screen and overlay of the built-in content, reached through
//! `update`, drawn at the sizes around each layout's edges (the enlarge
//! message below 40x12, the compact forms, the countdowns down to one
//! line): nothing panics, and every screen at 40x12 or more is drawn
//! instead of the enlarge message.

use std::time::{Duration, Instant};

use crate::support::screen::{screen_at, settle};
use backcoach::app::{self, App, Intent, Msg, Now, Outcome};
use backcoach::content::load;
use backcoach::content::model::TherapyKind;
use backcoach::content::source;
use backcoach::store::Settings;
use chrono::{Local, TimeZone};

const WIDTHS: [u16; 19] = [
    0, 1, 2, 5, 10, 19, 20, 21, 24, 30, 39, 40, 41, 45, 49, 50, 51, 60, 80,
];
const HEIGHTS: [u16; 16] = [0, 1, 2, 3, 4, 5, 6, 8, 11, 12, 13, 14, 15, 16, 20, 24];

fn at(secs: u64) -> Now {
    Now::new(
        Instant::now() + Duration::from_secs(secs),
        Local.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
            + chrono::Duration::seconds(i64::try_from(secs).unwrap()),
    )
}

fn app(msgs: &[Msg]) -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(at(0).wall),
        ..Settings::default()
    };
    let mut app = App::new(load::load(&source::builtin()).unwrap(), settings, true);
    for msg in msgs {
        app::update(&mut app, msg.clone(), at(1));
    }
    app
}

fn keys(intents: &[Intent]) -> Vec<Msg> {
    intents.iter().map(|i| Msg::from(*i)).collect()
}

fn states() -> Vec<App> {
    let mut states = vec![App::new(
        load::load(&source::builtin()).unwrap(),
        Settings::default(),
        true,
    )];
    let paths: &[&[Intent]] = &[
        &[],
        &[Intent::ToggleHelp],
        &[Intent::Digit(1), Intent::Select],
        &[Intent::Digit(1), Intent::Select, Intent::Last],
        &[Intent::Digit(2), Intent::Select],
        &[Intent::Digit(2), Intent::Select, Intent::Select],
        &[
            Intent::Digit(2),
            Intent::Select,
            Intent::Select,
            Intent::Next,
        ],
        &[Intent::Digit(3)],
        &[Intent::Digit(3), Intent::Select],
        &[Intent::Digit(4)],
        &[Intent::Digit(4), Intent::ToggleHelp],
        &[Intent::Digit(5)],
        &[Intent::Digit(6)],
    ];
    for path in paths {
        states.push(app(&keys(path)));
    }
    // Self-release: every answer no, the list, a technique, a hurt report.
    let mut release = vec![Intent::Digit(4)];
    release.extend(std::iter::repeat_n(Intent::No, 20));
    release.push(Intent::Select);
    states.push(app(&keys(&release)));
    release.push(Intent::Select);
    states.push(app(&keys(&release)));
    release.push(Intent::ReportHurt);
    states.push(app(&keys(&release)));
    // A session's hold, its leave question, its stop for pain.
    let session = [
        Intent::Digit(2),
        Intent::Select,
        Intent::Select,
        Intent::Next,
    ];
    let mut hold = app(&keys(&session));
    app::update(&mut hold, Outcome::Tick, at(15));
    states.push(hold.clone());
    app::update(&mut hold, Intent::Back, at(16));
    states.push(hold.clone());
    app::update(&mut hold, Intent::Hurt, at(17));
    states.push(hold);
    // A heat pack on, its alert, the quit question.
    let mut heat = app(&[]);
    app::therapy::open_check(&mut heat, TherapyKind::Heat, Some(Duration::from_secs(60)));
    app::update(&mut heat, Intent::Yes, at(1));
    states.push(heat.clone());
    app::update(&mut heat, Intent::Quit, at(2));
    states.push(heat.clone());
    app::update(&mut heat, Intent::No, at(3));
    app::update(&mut heat, Outcome::Tick, at(70));
    states.push(heat);
    // The stand-up overlay, due on a Monday morning.
    let mut standup = app(&[]);
    app::reminder::start(&mut standup, None, Vec::new(), at(0));
    app::update(&mut standup, Outcome::Tick, at(3 * 3600));
    assert!(standup.reminder.showing);
    states.push(standup);
    states
}

#[test]
fn every_screen_draws_at_every_edge_size() {
    for mut state in states() {
        for width in WIDTHS {
            for height in HEIGHTS {
                settle(&mut state, width, height, at(1));
                let text = screen_at(&state, width, height);
                if width >= 40 && height >= 12 {
                    assert!(
                        !text.contains("Enlarge the terminal"),
                        "{:?} at {width}x{height}:\n{text}",
                        state.screen
                    );
                }
            }
        }
    }
}
