//! The plain lines of self-release: the checklist one question at a time,
//! the gate's verdict with the numbered techniques, the habit warning, a
//! technique's card with the rules, and the stop-and-get-help guidance.

use crate::app::App;
use crate::domain::safety::Verdict;
use crate::ui::hurt::STOP_SIGNS;
use crate::ui::technique::RULES;

/// The checklist at question `question`; `complete` once all have an
/// answer. The heading comes with the first question.
pub fn checklist(app: &App, question: usize, complete: bool, first: bool) -> Vec<String> {
    let items = &app.content.checklist;
    let mut lines = Vec::new();
    if first {
        lines.push(format!(
            "Safety checklist: {} questions. Answer each honestly with y (yes) or n (no); nothing is filled in for you. q goes back.",
            items.len()
        ));
    }
    if complete {
        lines.push("Every question has an answer. Press Enter to see what opens today.".to_owned());
    } else if let Some(item) = items.get(question) {
        lines.push(format!(
            "Question {} of {}: {} (y/n)",
            question + 1,
            items.len(),
            item.question
        ));
    }
    lines
}

/// Why the gate is (partly) closed, urgent answers first, then each
/// technique numbered and marked open or locked.
pub fn release(app: &App) -> Vec<String> {
    let yes: &[String] = app
        .settings
        .safety_gate
        .answers
        .as_ref()
        .map_or(&[], |a| a.yes.as_slice());
    let verdict = Verdict::from_yes(&app.content.checklist, yes);
    let mut lines = Vec::new();
    for item in &verdict.closed_by {
        let mark = if item.urgent { "! URGENT: " } else { "- " };
        lines.push(format!("{mark}{} See {}.", item.why, item.see));
    }
    lines.push(if verdict.closed_by.is_empty() {
        "All your answers were no: the techniques are open until midnight.".to_owned()
    } else {
        "Your answers hold until midnight; the checklist asks again tomorrow.".to_owned()
    });
    lines.push("Techniques:".to_owned());
    for (n, technique) in app.content.techniques.iter().enumerate() {
        let mark = if verdict.lock_for(technique).is_some() {
            "locked"
        } else {
            "open"
        };
        lines.push(format!(
            "  {}. [{mark}] {} ({})",
            n + 1,
            technique.name,
            technique.position.label()
        ));
    }
    lines.push("Type a number to open a technique, or q to go back.".to_owned());
    lines
}

/// Self-release has become a habit.
pub fn habit(app: &App) -> Vec<String> {
    vec![
        format!(
            "! With today, you used self-release on {} of the last {} days: it has become a habit. That is the signal to see a physical therapist or chiropractor; popping again and again can hide the problem instead of fixing it.",
            app.safety.habit_days, app.content.moderation.window_days
        ),
        "Type a to acknowledge this and open the techniques for today, or q to go back.".to_owned(),
    ]
}

/// The open technique: its steps, cautions and the rules of every release.
pub fn technique(app: &App) -> Vec<String> {
    let Some(technique) = app
        .card
        .as_ref()
        .and_then(|card| app.content.technique(&card.exercise_id))
    else {
        return Vec::new();
    };
    let mut lines = vec![format!(
        "{} ({}):",
        technique.name,
        technique.position.label()
    )];
    for (n, step) in technique.steps.iter().enumerate() {
        lines.push(format!("  {}. {step}", n + 1));
    }
    lines.extend(technique.cautions.iter().map(|c| format!("  - {c}")));
    lines.extend(RULES.iter().map(|rule| format!("! {rule}")));
    lines.push(
        "Type x (or !) if it hurt, or you feel numbness or tingling; just Enter when you are done."
            .to_owned(),
    );
    lines
}

/// After "it hurt": stop, when to get help, closed for today.
pub fn hurt(app: &App) -> Vec<String> {
    let mut lines = vec![
        "! Stop now. Do not try the technique again, and do not try to make it pop.".to_owned(),
        "Self-release is closed for the rest of today. This was noted in your history.".to_owned(),
    ];
    if let Some(section) = app.content.warning(STOP_SIGNS) {
        lines.push(format!("{}: {}", section.title, section.intro));
        for item in &section.items {
            let mark = if item.urgent { "! URGENT: " } else { "- " };
            lines.push(format!("  {mark}{}: {}", item.title, item.text));
        }
    }
    lines.push("Press Enter to go back.".to_owned());
    lines
}
