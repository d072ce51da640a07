//! The merged, validated content the app runs on.

use std::collections::HashMap;

use super::model::{ChecklistItem, Exercise, Moderation, Routine, TherapyMode, WarningSection};

/// All content after merging built-in and user files and validating.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Gentle stretches.
    pub exercises: Vec<Exercise>,
    /// Gated self-release techniques.
    pub techniques: Vec<Exercise>,
    /// Routines for guided sessions.
    pub routines: Vec<Routine>,
    /// Safety checklist questions.
    pub checklist: Vec<ChecklistItem>,
    /// Warning sections.
    pub warnings: Vec<WarningSection>,
    /// Therapy modes.
    pub therapy: Vec<TherapyMode>,
    /// Thresholds of the self-release moderation guard.
    pub moderation: Moderation,
    /// Home programmes, in the order loaded.
    pub programmes: Vec<super::programme::Programme>,
    /// Education cards, in the order loaded.
    pub tips: Vec<super::tips::Tip>,
    /// `section/id` to the file that last defined it, for error messages.
    pub origin: HashMap<String, String>,
}

impl Content {
    /// The stretch with this id.
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// The self-release technique with this id.
    pub fn technique(&self, id: &str) -> Option<&Exercise> {
        self.techniques.iter().find(|t| t.id == id)
    }

    /// The warning section with this id.
    pub fn warning(&self, id: &str) -> Option<&WarningSection> {
        self.warnings.iter().find(|w| w.id == id)
    }

    /// The file an entry came from, or "content" when unknown.
    pub fn origin_of(&self, section: &str, id: &str) -> &str {
        self.origin
            .get(&format!("{section}/{id}"))
            .map(String::as_str)
            .unwrap_or("content")
    }

    /// The routine with this id.
    pub fn routine(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id == id)
    }

    /// One line counting what was loaded, e.g. `ok: 7 exercises, ...`.
    pub fn summary_line(&self) -> String {
        let programmes = if self.programmes.is_empty() {
            String::new()
        } else {
            format!(
                ", {}",
                crate::text::counted(self.programmes.len(), "programme")
            )
        };
        format!(
            "ok: {} exercises, {} techniques, {} routines, {} checklist items, {} warning sections, {} therapy modes{programmes}",
            self.exercises.len(),
            self.techniques.len(),
            self.routines.len(),
            self.checklist.len(),
            self.warnings.len(),
            self.therapy.len()
        )
    }
}
