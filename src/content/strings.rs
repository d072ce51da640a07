//! The rule for every string of a content pack: no character that could
//! act on a terminal (control characters, line breaks and tabs included,
//! and bidi controls; see [`crate::text::safe::is_unsafe`]). A pack is
//! shared between people, so its text is untrusted until checked; once
//! checked, every screen can show it as it is.
//!
//! A problem is shown at the string's line and column when the literal
//! can be found in the source, else by entry and field.

use super::literals::{self, Literal};
use super::model::{ContentPack, Exercise};
use super::problem::Problem;
use super::source::Source;
use crate::text::safe;

/// One string of a pack and where it belongs.
struct Field<'a> {
    /// "exercise", "routine"...
    section: &'static str,
    /// The entry's id as written (it may itself be the bad string).
    id: &'a str,
    /// "name", "steps item 2"...
    field: String,
    value: &'a str,
}

/// Every string of `pack` (from `source`) that holds a character not safe
/// to show, as a located problem.
pub fn check(source: &Source, pack: &ContentPack) -> Vec<Problem> {
    let bad: Vec<Field> = fields(pack)
        .into_iter()
        .filter(|f| f.value.chars().any(safe::is_unsafe))
        .collect();
    if bad.is_empty() {
        return Vec::new();
    }
    let mut literals: Vec<Option<Literal>> =
        literals::scan(&source.text).into_iter().map(Some).collect();
    bad.iter()
        .map(|field| {
            let found = literals
                .iter_mut()
                .find(|l| l.as_ref().is_some_and(|l| l.value == field.value))
                .and_then(Option::take);
            let what = what_is_wrong(field.value);
            match found {
                Some(at) => Problem::at(
                    &source.name,
                    &source.text,
                    at.line,
                    at.column,
                    format!("{} `{}`, {}: {what}", field.section, field.id, field.field),
                ),
                None => Problem::entry(&source.name, field.id, format!("{}: {what}", field.field)),
            }
        })
        .collect()
}

/// The sentence for a string holding an unsafe character.
fn what_is_wrong(value: &str) -> String {
    let Some(c) = value.chars().find(|c| safe::is_unsafe(*c)) else {
        return String::new();
    };
    let code = safe::code_point(c);
    if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
        format!(
            "holds a line break ({code}); text in content is one line: put each step, caution or paragraph in its own string of the list"
        )
    } else if safe::is_bidi_control(c) {
        format!(
            "holds a bidirectional-text control ({code}), which can make text read differently from what it says; content may not hold one"
        )
    } else {
        format!(
            "holds a control character ({code}); content text may not hold control characters (a terminal would act on them)"
        )
    }
}

/// Every string of the pack, in the order of its sections.
fn fields(pack: &ContentPack) -> Vec<Field<'_>> {
    let mut out = Vec::new();
    for card in &pack.exercises {
        card_fields("exercise", card, &mut out);
    }
    for card in &pack.techniques {
        card_fields("technique", card, &mut out);
    }
    for routine in &pack.routines {
        let mut add = adder("routine", &routine.id, &mut out);
        add("id".to_owned(), &routine.id);
        add("name".to_owned(), &routine.name);
        add("summary".to_owned(), &routine.summary);
        list(&mut add, "tags", &routine.tags);
        for (n, item) in routine.items.iter().enumerate() {
            add(format!("items item {}: exercise", n + 1), &item.exercise);
        }
    }
    for item in &pack.checklist {
        let mut add = adder("checklist item", &item.id, &mut out);
        add("id".to_owned(), &item.id);
        add("question".to_owned(), &item.question);
        if let super::model::Locks::Tagged(tag) = &item.locks {
            add("locks".to_owned(), tag);
        }
        add("see".to_owned(), &item.see);
        add("why".to_owned(), &item.why);
    }
    for section in &pack.warnings {
        let mut add = adder("warning section", &section.id, &mut out);
        add("id".to_owned(), &section.id);
        add("title".to_owned(), &section.title);
        add("intro".to_owned(), &section.intro);
        for (n, item) in section.items.iter().enumerate() {
            add(format!("items item {}: title", n + 1), &item.title);
            add(format!("items item {}: text", n + 1), &item.text);
        }
    }
    for programme in &pack.programmes {
        let mut add = adder("programme", &programme.id, &mut out);
        add("id".to_owned(), &programme.id);
        add("name".to_owned(), &programme.name);
        if let Some(who) = &programme.prescribed_by {
            add("prescribed_by".to_owned(), who);
        }
        if let Some(notes) = &programme.notes {
            add("notes".to_owned(), notes);
        }
        for (n, item) in programme.routines.iter().enumerate() {
            add(format!("routines item {}: routine", n + 1), &item.routine);
        }
    }
    for tip in &pack.tips {
        let mut add = adder("tip", &tip.id, &mut out);
        add("id".to_owned(), &tip.id);
        add("title".to_owned(), &tip.title);
        add("text".to_owned(), &tip.text);
    }
    for mode in &pack.therapy {
        let mut add = adder("therapy mode", mode.mode.id(), &mut out);
        add("name".to_owned(), &mode.name);
        list(&mut add, "helps_with", &mode.helps_with);
        list(&mut add, "how", &mode.how);
        list(&mut add, "safety", &mode.safety);
    }
    out
}

fn card_fields<'a>(section: &'static str, card: &'a Exercise, out: &mut Vec<Field<'a>>) {
    let mut add = adder(section, &card.id, out);
    add("id".to_owned(), &card.id);
    add("name".to_owned(), &card.name);
    add("summary".to_owned(), &card.summary);
    list(&mut add, "steps", &card.steps);
    if let Some(note) = &card.dose.note {
        add("dose: note".to_owned(), note);
    }
    list(&mut add, "cautions", &card.cautions);
    list(&mut add, "tags", &card.tags);
    if let Some(id) = &card.easier {
        add("easier".to_owned(), id);
    }
    if let Some(id) = &card.harder {
        add("harder".to_owned(), id);
    }
}

/// A closure adding fields of one entry.
fn adder<'a, 'o>(
    section: &'static str,
    id: &'a str,
    out: &'o mut Vec<Field<'a>>,
) -> impl FnMut(String, &'a str) + 'o
where
    'a: 'o,
{
    move |field, value| {
        out.push(Field {
            section,
            id,
            field,
            value,
        });
    }
}

/// Each string of a list field, numbered from 1.
fn list<'a>(add: &mut impl FnMut(String, &'a str), name: &str, values: &'a [String]) {
    for (n, value) in values.iter().enumerate() {
        add(format!("{name} item {}", n + 1), value);
    }
}
