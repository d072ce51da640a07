//! The serde types of a content pack: what a RON content file may contain.
//!
//! Every content file, built-in or user, is one [`ContentPack`]. Sections are
//! optional so a single file can hold one exercise or a whole library.

use serde::{Deserialize, Serialize};

/// The content format version this build reads and writes.
pub const CONTENT_VERSION: u32 = 1;

/// One content file: a version plus any of its optional sections.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentPack {
    /// Format version; must be [`CONTENT_VERSION`].
    pub version: u32,
    /// Gentle stretches, always available.
    #[serde(default)]
    pub exercises: Vec<Exercise>,
    /// Gentle self-release techniques, shown only through the safety gate.
    #[serde(default)]
    pub techniques: Vec<Exercise>,
    /// Ordered lists of exercises for guided sessions.
    #[serde(default)]
    pub routines: Vec<Routine>,
    /// Yes/no questions of the safety checklist.
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    /// Sections of the safety warnings review.
    #[serde(default)]
    pub warnings: Vec<WarningSection>,
    /// Heat, cold and contrast therapy guidance and timings.
    #[serde(default)]
    pub therapy: Vec<TherapyMode>,
    /// Thresholds of the self-release moderation guard.
    #[serde(default)]
    pub moderation: Option<Moderation>,
    /// Home programmes prescribed by a clinician (none built in).
    #[serde(default)]
    pub programmes: Vec<super::programme::Programme>,
    /// Short education cards, one shown at the end of a session.
    #[serde(default)]
    pub tips: Vec<super::tips::Tip>,
}

/// A stretch or a self-release technique, shown as a step-by-step card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Stable identifier (lower case letters, digits and `_`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Starting position.
    pub position: Position,
    /// One sentence on what the move does.
    #[serde(default)]
    pub summary: String,
    /// Ordered instructions, one short sentence or two each.
    pub steps: Vec<String>,
    /// How long, how many times, which sides.
    pub dose: Dose,
    /// Things to watch for while doing it.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// Free-form labels; some carry rules (`extension`, `stenosis_friendly`,
    /// `self_release`, `twist`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// True for self-release techniques: reachable only through the safety
    /// gate. Validation requires it on every technique.
    #[serde(default)]
    pub gated: bool,
    /// Id of a gentler exercise to step down to (after pain or a flare-up).
    #[serde(default)]
    pub easier: Option<String>,
    /// Id of a harder exercise to step up to (once this one is easy).
    #[serde(default)]
    pub harder: Option<String>,
}

/// Where the body starts for an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Sitting on a chair.
    Chair,
    /// Standing.
    Standing,
    /// Sitting on the floor.
    Floor,
    /// Lying on the back.
    LyingOnBack,
    /// Lying on one side.
    LyingOnSide,
    /// Lying face down.
    LyingFaceDown,
    /// Kneeling.
    Kneeling,
}

impl Position {
    /// Every position, in the order filters cycle through them.
    pub const ALL: [Position; 7] = [
        Position::Chair,
        Position::Standing,
        Position::Floor,
        Position::LyingOnBack,
        Position::LyingOnSide,
        Position::LyingFaceDown,
        Position::Kneeling,
    ];

    /// A short lower-case label, e.g. "lying on your back".
    pub fn label(self) -> &'static str {
        match self {
            Position::Chair => "on a chair",
            Position::Standing => "standing",
            Position::Floor => "sitting on the floor",
            Position::LyingOnBack => "lying on your back",
            Position::LyingOnSide => "lying on your side",
            Position::LyingFaceDown => "lying face down",
            Position::Kneeling => "kneeling",
        }
    }
}

/// Which sides an exercise is done on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sides {
    /// Symmetrical: no sides.
    #[default]
    None,
    /// Left side only.
    Left,
    /// Right side only.
    Right,
    /// Right then left, each with the full reps and hold.
    Both,
}

/// The prescription for one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    /// Seconds to hold each rep (1..=300), or none for a move without a hold.
    #[serde(default)]
    pub hold_secs: Option<u32>,
    /// True when the sources say "as long as comfortable": `hold_secs` is then
    /// the default the card states, and the card says it may be longer.
    #[serde(default)]
    pub hold_as_comfortable: bool,
    /// Repetitions per side per set (at least 1).
    #[serde(default = "one")]
    pub reps: u32,
    /// Sides to work.
    #[serde(default)]
    pub sides: Sides,
    /// Sets (at least 1).
    #[serde(default = "one")]
    pub sets: u32,
    /// Free text shown with the dose, e.g. "3 to 10 sets, fewer when sore".
    #[serde(default)]
    pub note: Option<String>,
    /// The ranges the sources give, which no routine may leave.
    #[serde(default)]
    pub sources: Option<super::dose_rules::SourceDose>,
}

fn one() -> u32 {
    1
}

/// A routine: exercises in order, with optional dose changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    /// Stable identifier.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One sentence on when to use it.
    #[serde(default)]
    pub summary: String,
    /// The exercises, in order.
    pub items: Vec<RoutineItem>,
    /// Labels; `stenosis_friendly` forbids `extension` exercises.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Seconds to get ready before every hold (1..=60), instead of the
    /// defaults (10 s before an exercise, 5 s for a new side or set, 3 s
    /// between reps).
    #[serde(default)]
    pub get_ready_secs: Option<u32>,
    /// The longest hold a step up may reach in this routine (1..=300).
    #[serde(default)]
    pub max_hold_secs: Option<u32>,
    /// The most reps a step up may reach in this routine (at least 1).
    #[serde(default)]
    pub max_reps: Option<u32>,
}

/// One exercise inside a routine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutineItem {
    /// Id of an exercise (never a technique).
    pub exercise: String,
    /// Overrides of the exercise's own dose for this routine.
    #[serde(default)]
    pub hold_secs: Option<u32>,
    /// Override of reps.
    #[serde(default)]
    pub reps: Option<u32>,
    /// Override of sets.
    #[serde(default)]
    pub sets: Option<u32>,
}

/// One yes/no question of the safety checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable identifier.
    pub id: String,
    /// Contraindication or red flag.
    pub kind: ChecklistKind,
    /// The question, phrased so that "yes" is the worrying answer.
    pub question: String,
    /// What a "yes" locks.
    pub locks: Locks,
    /// Urgent red flags need prompt medical attention and are shown first.
    #[serde(default)]
    pub urgent: bool,
    /// Who to see when the answer is yes.
    pub see: String,
    /// Why a "yes" matters, in a sentence.
    pub why: String,
}

/// The two groups of checklist questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistKind {
    /// A condition that rules self-release out.
    Contraindication,
    /// A symptom that needs a professional.
    RedFlag,
}

/// What a "yes" answer keeps locked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Locks {
    /// Every self-release technique.
    All,
    /// Only techniques carrying this tag (e.g. `extension`).
    Tagged(String),
}

/// A titled group of warnings on the safety review screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningSection {
    /// Stable identifier.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Optional lead-in paragraph.
    #[serde(default)]
    pub intro: String,
    /// The warnings themselves.
    #[serde(default)]
    pub items: Vec<WarningItem>,
}

/// One warning: a short title and a plain explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningItem {
    /// Short heading, e.g. "Pinched nerve".
    pub title: String,
    /// One or two sentences.
    pub text: String,
    /// Marks red flags that need prompt medical attention.
    #[serde(default)]
    pub urgent: bool,
}

/// Heat, cold or contrast therapy: guidance and timing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TherapyMode {
    /// Which mode this is (also its id).
    pub mode: TherapyKind,
    /// Display name.
    pub name: String,
    /// When this mode helps.
    pub helps_with: Vec<String>,
    /// How to apply it.
    pub how: Vec<String>,
    /// Skin-safety rules to confirm before starting.
    pub safety: Vec<String>,
    /// Default length in minutes (1..=20).
    pub default_minutes: u32,
    /// For contrast: the repeating heat/cold pattern (total within 20 minutes).
    #[serde(default)]
    pub pattern: Vec<TherapySegment>,
}

/// The three therapy modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TherapyKind {
    /// Warmth for tension and stiffness.
    Heat,
    /// Cold for a fresh strain or swelling.
    Cold,
    /// Heat and cold alternated.
    Contrast,
}

impl TherapyKind {
    /// Lower-case name used as the id and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            TherapyKind::Heat => "heat",
            TherapyKind::Cold => "cold",
            TherapyKind::Contrast => "contrast",
        }
    }
}

/// One leg of a contrast pattern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TherapySegment {
    /// Heat or cold (not contrast).
    pub kind: TherapyKind,
    /// Minutes (at least 1).
    pub minutes: u32,
}

/// When self-release counts as a habit: used on at least `habit_days` of
/// the last `window_days` days, today included. Built-in defaults are in
/// `assets/moderation.ron`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moderation {
    /// How many past days to look at (1..=31).
    pub window_days: u32,
    /// Days with a use, within the window, that make it a habit
    /// (1..=window_days).
    pub habit_days: u32,
}

impl Default for Moderation {
    /// The same numbers as `assets/moderation.ron` (a test keeps them equal),
    /// for content sets loaded without the built-in files.
    fn default() -> Self {
        Moderation {
            window_days: 7,
            habit_days: 4,
        }
    }
}
