//! Parse every source, merge user entries over built-in ones by id, and
//! validate the result, reporting every problem at once.

use std::collections::HashMap;

use ron::extensions::Extensions;

use super::catalog::Content;
use super::model::{CONTENT_VERSION, ContentPack};
use super::problem::Problem;
use super::source::Source;
use super::{strings, validate};

/// Parses one source into a pack, or a located problem.
pub fn parse(source: &Source) -> Result<ContentPack, Problem> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let pack: ContentPack = options.from_str(&source.text).map_err(|err| {
        Problem::at(
            &source.name,
            &source.text,
            err.span.start.line,
            err.span.start.col,
            err.code.to_string(),
        )
    })?;
    if pack.version != CONTENT_VERSION {
        return Err(Problem::file(
            &source.name,
            format!(
                "version {} is not supported (this backcoach reads version {CONTENT_VERSION})",
                pack.version
            ),
        ));
    }
    Ok(pack)
}

/// Loads built-in plus user sources into validated content.
///
/// Sources are applied in order: an entry whose id matches a built-in entry
/// replaces it; the same id twice in user files (or twice in one file) is an
/// error, since it is unclear which one was meant.
pub fn load(sources: &[Source]) -> Result<Content, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut merged = Merged::default();
    for source in sources {
        match parse(source) {
            Ok(pack) => {
                problems.extend(strings::check(source, &pack));
                merged.add(source, pack, &mut problems);
            }
            Err(problem) => problems.push(problem),
        }
    }
    let content = merged.finish();
    problems.extend(validate::check(&content));
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems)
    }
}

/// Entries of one section keyed by id, remembering where each came from.
struct Section<T> {
    entries: Vec<T>,
    index: HashMap<String, (usize, String, bool)>,
}

impl<T> Default for Section<T> {
    fn default() -> Self {
        Section {
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T> Section<T> {
    fn add(
        &mut self,
        id: String,
        entry: T,
        source: &Source,
        kind: &str,
        problems: &mut Vec<Problem>,
    ) {
        match self.index.get(&id) {
            Some((at, _, true)) if !source.builtin => {
                let at = *at;
                self.entries[at] = entry;
                self.index.insert(id, (at, source.name.clone(), false));
            }
            Some((_, first, _)) => problems.push(Problem::entry(
                &source.name,
                &id,
                format!("duplicate {kind} id (first defined in {first})"),
            )),
            None => {
                self.index.insert(
                    id,
                    (self.entries.len(), source.name.clone(), source.builtin),
                );
                self.entries.push(entry);
            }
        }
    }
}

#[derive(Default)]
struct Merged {
    exercises: Section<super::model::Exercise>,
    techniques: Section<super::model::Exercise>,
    routines: Section<super::model::Routine>,
    checklist: Section<super::model::ChecklistItem>,
    warnings: Section<super::model::WarningSection>,
    therapy: Section<super::model::TherapyMode>,
    moderation: Section<super::model::Moderation>,
    programmes: Section<super::programme::Programme>,
    tips: Section<super::tips::Tip>,
    origin: HashMap<String, String>,
}

impl Merged {
    fn add(&mut self, source: &Source, pack: ContentPack, problems: &mut Vec<Problem>) {
        for entry in pack.exercises {
            self.note_origin("exercise", &entry.id, source);
            self.exercises
                .add(entry.id.clone(), entry, source, "exercise", problems);
        }
        for entry in pack.techniques {
            self.note_origin("technique", &entry.id, source);
            self.techniques
                .add(entry.id.clone(), entry, source, "technique", problems);
        }
        for entry in pack.routines {
            self.note_origin("routine", &entry.id, source);
            self.routines
                .add(entry.id.clone(), entry, source, "routine", problems);
        }
        for entry in pack.checklist {
            self.note_origin("checklist", &entry.id, source);
            self.checklist
                .add(entry.id.clone(), entry, source, "checklist item", problems);
        }
        for entry in pack.warnings {
            self.note_origin("warning", &entry.id, source);
            self.warnings
                .add(entry.id.clone(), entry, source, "warning section", problems);
        }
        for entry in pack.therapy {
            let id = entry.mode.id().to_owned();
            self.note_origin("therapy", &id, source);
            self.therapy
                .add(id, entry, source, "therapy mode", problems);
        }
        for entry in pack.programmes {
            self.note_origin("programme", &entry.id, source);
            self.programmes
                .add(entry.id.clone(), entry, source, "programme", problems);
        }
        for entry in pack.tips {
            self.note_origin("tip", &entry.id, source);
            self.tips
                .add(entry.id.clone(), entry, source, "tip", problems);
        }
        if let Some(entry) = pack.moderation {
            // One setting, not a list: merged like an entry with a fixed id.
            self.note_origin("moderation", "moderation", source);
            self.moderation.add(
                "moderation".to_owned(),
                entry,
                source,
                "moderation section",
                problems,
            );
        }
    }

    fn note_origin(&mut self, section: &str, id: &str, source: &Source) {
        self.origin
            .insert(format!("{section}/{id}"), source.name.clone());
    }

    fn finish(self) -> Content {
        Content {
            exercises: self.exercises.entries,
            techniques: self.techniques.entries,
            routines: self.routines.entries,
            checklist: self.checklist.entries,
            warnings: self.warnings.entries,
            therapy: self.therapy.entries,
            moderation: self.moderation.entries.last().copied().unwrap_or_default(),
            programmes: self.programmes.entries,
            tips: self.tips.entries,
            origin: self.origin,
        }
    }
}
