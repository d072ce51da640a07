//! The view: draws the app state. Never changes it.

pub mod big_digits;
pub mod card;
pub mod checklist;
pub mod disclaimer;
pub mod help;
pub mod history;
pub mod home;
pub mod hurt;
pub mod library;
pub mod lines;
pub mod popup;
pub mod quit;
pub mod release;
pub mod reminder;
pub mod routines;
pub mod scrollbar;
pub mod session;
pub mod session_end;
pub mod standup;
pub mod status;
pub mod technique;
pub mod theme;
pub mod therapy;
pub mod too_small;
pub mod warnings;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::app::{App, Drawn, Screen};
use theme::Theme;

/// Smallest terminal width the screens are laid out for.
pub const MIN_WIDTH: u16 = 50;
/// Smallest terminal height the screens are laid out for.
pub const MIN_HEIGHT: u16 = 15;
/// Widest the screens grow; wider terminals get the column centred, since
/// very long lines are hard to read from across the room.
pub const MAX_WIDTH: u16 = 120;

/// Draws the whole app into the frame. Returns what the model needs to
/// know of the frame (the layout of the screen's scrolling text, whether
/// the heat/cold alert is on screen), for the runtime to hand over.
pub fn view(app: &App, frame: &mut Frame) -> Drawn {
    let area = frame.area();
    let theme = Theme { color: app.color };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // The alarm shows at any size: a pack on the skin or its alert
        // replaces the "enlarge" message with a compact form.
        if app.therapy.pack_on() {
            return Drawn {
                text: None,
                alert_shown: therapy::compact::render(app, frame, area, theme),
            };
        }
        too_small::render(frame, area, theme);
        return Drawn::default();
    }
    let area = area.centered_horizontally(Constraint::Max(MAX_WIDTH));
    let notice_height = app
        .notice
        .as_ref()
        .map_or(0, |n| status::notice_height(n, area.width));
    let [header, body, notice, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(notice_height),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(app, frame, header, theme);
    therapy::render_badge(app, frame, header, theme);
    let mut shown = None;
    match app.screen {
        Screen::Disclaimer => disclaimer::render(app, frame, body, theme),
        Screen::Home => home::render(app, frame, body, theme),
        Screen::Library => library::render(app, frame, body, theme),
        Screen::Card => card::render(app, frame, body, theme),
        Screen::Checklist => checklist::render(app, frame, body, theme),
        Screen::Release => release::render(app, frame, body, theme),
        Screen::Habit => release::render_habit(app, frame, body, theme),
        Screen::Technique => technique::render(app, frame, body, theme),
        Screen::Hurt => hurt::render(app, frame, body, theme),
        Screen::Warnings => shown = Some(warnings::render(app, frame, body, theme)),
        Screen::Routines => routines::render_picker(app, frame, body, theme),
        Screen::RoutinePreview => routines::render_preview(app, frame, body, theme),
        Screen::Session => session::render(app, frame, body, theme),
        Screen::History => history::render(app, frame, body, theme),
        Screen::Therapy => therapy::render(app, frame, body, theme),
        Screen::Reminder => reminder::render(app, frame, body, theme),
    }
    if let Some(text) = &app.notice {
        status::render_notice(text, frame, notice, theme);
    }
    status::render(app, frame, footer, theme);
    if app.reminder.showing {
        standup::render(app, frame, body, theme);
    }
    if app.help_open {
        help::render(app, frame, body, theme);
    }
    if app.quit_ask.is_some() {
        quit::render(app, frame, body, theme);
    }
    // Nothing is drawn over the alert but these overlays.
    let covered = app.help_open || app.reminder.showing || app.quit_ask.is_some();
    Drawn {
        text: shown,
        alert_shown: app.screen == Screen::Therapy && app.therapy.alert.is_some() && !covered,
    }
}

/// The name of a screen as shown in the header and the help title.
pub fn screen_title(screen: Screen) -> &'static str {
    match screen {
        Screen::Disclaimer => "Before you start",
        Screen::Home => "Home",
        Screen::Library => "Exercise library",
        Screen::Card => "Exercise card",
        Screen::Checklist => "Safety checklist",
        Screen::Release => "Gentle self-release",
        Screen::Habit => "Gentle self-release: a habit?",
        Screen::Technique => "Self-release technique",
        Screen::Hurt => "Stop",
        Screen::Warnings => "Safety warnings",
        Screen::Routines => "Guided session",
        Screen::RoutinePreview => "Routine",
        Screen::Session => "Session",
        Screen::History => "History",
        Screen::Therapy => "Heat/cold timer",
        Screen::Reminder => "Stand-up reminder",
    }
}

fn render_header(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let line = Line::from(vec![
        Span::styled(" backcoach", theme.title()),
        Span::styled(" › ", theme.dim()),
        Span::styled(screen_title(app.screen), theme.text()),
    ]);
    frame.render_widget(line, area);
}
