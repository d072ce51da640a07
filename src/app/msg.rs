//! What `update` is told: key intents (what `keys` makes of a key on the
//! current screen) and outcomes (what the runtime learned). They are
//! separate types so an overlay that takes keys takes intents, never an
//! outcome it would swallow.

use crate::store::session_history::SessionHistory;

/// What a key means on the screen where it was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Move up in a list.
    Up,
    /// Move down in a list.
    Down,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,
    /// Go to the first entry or step.
    First,
    /// Go to the last entry or step.
    Last,
    /// Next step of a card.
    Next,
    /// Previous step of a card.
    Previous,
    /// Open or confirm the selected thing.
    Select,
    /// Go back one screen (or close the help).
    Back,
    /// Quit the app.
    Quit,
    /// Open or close the key help.
    ToggleHelp,
    /// Step the library's position filter.
    CyclePosition,
    /// Step the library's tag filter.
    CycleTag,
    /// Clear the library's filters.
    ClearFilters,
    /// Stop the process and return to the shell (Ctrl-Z).
    Suspend,
    /// Answer "yes".
    Yes,
    /// Answer "no".
    No,
    /// "It hurt / numbness / tingling" while a technique is shown.
    ReportHurt,
    /// Explicitly acknowledge the habit warning.
    Acknowledge,
    /// Open the safety warnings review.
    OpenWarnings,
    /// Open the self-release techniques (through the safety gate).
    OpenRelease,
    /// "This hurts": stop the session at once.
    Hurt,
    /// Pause or resume the session.
    TogglePause,
    /// Turn the session bell on or off.
    ToggleBell,
    /// A digit key (a pain rating).
    Digit(u8),
    /// Write the clinic report (History screen).
    WriteReport,
    /// Rate the exercise just done (`None`: no rating).
    Rate(Option<crate::domain::session_record::Rating>),
    /// One step longer (a minute more, within the cap).
    Longer,
    /// One step shorter.
    Shorter,
    /// The pack is off: end the heat/cold session now.
    PackRemoved,
    /// Start despite the rest-gap warning.
    ConfirmAnyway,
    /// Stand-up overlay: "I stood up".
    StandupDone,
    /// Stand-up overlay: snooze.
    StandupSnooze,
    /// Stand-up overlay: skip this one.
    StandupSkip,
    /// Turn the stand-up reminder on or off.
    ToggleReminder,
    /// Mute stand-up alerts for a while, or unmute them.
    ToggleQuiet,
    /// A character typed into a text being edited.
    Type(char),
    /// Erase the last character of a text being edited.
    Erase,
    /// The pointer picked entry N of the screen's list (a click on an
    /// entry that is not selected): select it.
    Point(usize),
    /// Scroll the text of the screen (or of the overlay) by this many
    /// lines; negative is up (the mouse wheel).
    Scroll(i16),
}

/// What the runtime learned: the start, the clock, the screen as drawn,
/// and the result of work it was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The runtime has started: open what the command line asked for.
    Started,
    /// The clock reached the wake-up the app asked for.
    Tick,
    /// The process was stopped (Ctrl-Z) and has been continued.
    Resumed,
    /// Something outside (`kill -TSTP`) asks the process to stop: it will
    /// stop whatever the app says, once its countdowns are paused.
    Stopping,
    /// An ending signal (or the loss of the terminal) ends the process
    /// once the returned work is done: a session in progress is recorded.
    Ending,
    /// Whether a `backcoach remind` watches the data folder (and so would
    /// ring the heat/cold alarm once the app is closed).
    Watcher(bool),
    /// The view drew a frame that differs, in what the model needs to
    /// know, from what the app last heard (see [`Drawn`]).
    Drawn(Drawn),
    /// Saving settings or the schedule failed, with the reason.
    SaveFailed(String),
    /// Appending to the history log failed, with the reason.
    AppendFailed(String),
    /// Saving or clearing the running heat/cold session failed.
    TherapyStoreFailed(String),
    /// The history log was read (or could not be).
    HistoryLoaded(Result<SessionHistory, String>),
    /// When the safety warnings were last read to the end, found in the
    /// whole history (`None`: never, or the logs could not be read).
    LastReview(Option<chrono::DateTime<chrono::FixedOffset>>),
    /// Desktop notifications cannot be sent, with the reason.
    NotificationsUnavailable(String),
    /// Spoken cues cannot be said (no speaker found, or it failed), with
    /// the reason; reported once a run.
    SpeechUnavailable(String),
    /// The clinic report was written to this path (or why not).
    ReportWritten(Result<String, String>),
    /// The latest accepted dose change in the whole history, if any.
    DoseChangeFound(Option<Box<crate::domain::suggest::DoseChange>>),
    /// What the stand-up reminder hears (changes made elsewhere, quiet,
    /// away): its own, taken before anything else sees it.
    Reminder(super::reminder::Heard),
}

/// A rectangle of the terminal, in cells: where the view drew something
/// the model or the pointer needs to know about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    /// Leftmost column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Area {
    /// True when the cell at column `x`, row `y` is inside.
    pub fn contains(self, x: u16, y: u16) -> bool {
        x >= self.x
            && y >= self.y
            && u32::from(x) < u32::from(self.x) + u32::from(self.width)
            && u32::from(y) < u32::from(self.y) + u32::from(self.height)
    }
}

/// The scrolling text of the screen (or of the overlay over it) as the
/// view laid it out: a fact of the layout that the model needs (how far a
/// page scrolls, where the end is, whether the end has been on screen),
/// handed over as data, so the model never measures text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shown {
    /// Where the text is; its height is the lines visible at once.
    pub area: Area,
    /// Lines in the whole text, as wrapped for this frame.
    pub total: usize,
    /// First line shown.
    pub offset: usize,
    /// True when its last line is on screen.
    pub end_shown: bool,
}

impl Shown {
    /// Lines visible at once.
    pub fn visible(self) -> usize {
        usize::from(self.area.height)
    }

    /// The largest first line that can be shown.
    pub fn max_offset(self) -> usize {
        self.total.saturating_sub(self.visible())
    }
}

/// One entry of a list as drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowShown {
    /// Its index in the list.
    pub index: usize,
    /// Its top row on the terminal.
    pub y: u16,
    /// Rows it takes.
    pub height: u16,
}

/// The screen's list as drawn, for the pointer: where each visible entry
/// is, and which one a click opens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListShown {
    /// Where the list is.
    pub area: Area,
    /// Its visible entries, top to bottom.
    pub rows: Vec<RowShown>,
    /// The entry a click opens (the selected one), when a click on the
    /// selection opens it; `None` where a click only selects.
    pub opens: Option<usize>,
}

impl ListShown {
    /// The entry at row `y`, column `x`, if any.
    pub fn entry_at(&self, x: u16, y: u16) -> Option<usize> {
        if !self.area.contains(x, y) {
            return None;
        }
        self.rows
            .iter()
            .find(|row| y >= row.y && u32::from(y) < u32::from(row.y) + u32::from(row.height))
            .map(|row| row.index)
    }
}

/// A key hint as drawn on the status line: clicking it does what the key
/// does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HintShown {
    /// Where the hint is.
    pub area: Area,
    /// What its key means.
    pub intent: Intent,
}

/// What the view reports about a frame it drew: facts of the layout the
/// model and the pointer need, handed over as data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Drawn {
    /// The screen's (or the overlay's) scrolling text, when it has one.
    pub text: Option<Shown>,
    /// True when the heat/cold time-up alert is on screen, readable: only
    /// then does a key acknowledge it.
    pub alert_shown: bool,
    /// The list the pointer can pick from, when one is on screen and not
    /// covered by an overlay.
    pub list: Option<ListShown>,
    /// The key hints of the status line.
    pub hints: Vec<HintShown>,
}

/// One message for `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A key, already mapped to its meaning.
    Key(Intent),
    /// Something the runtime learned.
    Outcome(Outcome),
}

impl From<Intent> for Msg {
    fn from(intent: Intent) -> Msg {
        Msg::Key(intent)
    }
}

impl From<Outcome> for Msg {
    fn from(outcome: Outcome) -> Msg {
        Msg::Outcome(outcome)
    }
}
