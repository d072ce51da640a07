//! The safety gate, the checklist form and the moderation guard as tables,
//! with explicit times in explicit time zones.

use backcoach::content::catalog::Content;
use backcoach::content::load;
use backcoach::content::model::{Locks, Moderation};
use backcoach::content::source::{self, Source};
use backcoach::domain::checklist::ChecklistForm;
use backcoach::domain::moderation::{days_used, days_with_today, is_habit};
use backcoach::domain::safety::{Access, Answers, GateState, GateStatus, access};
use chrono::{DateTime, FixedOffset, TimeZone};

fn builtin() -> Content {
    load::load(&source::builtin()).unwrap()
}

fn zone(hours: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600).unwrap()
}

/// A local time in a zone `hours` east of UTC.
fn at(hours: i32, day: u32, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    zone(hours)
        .with_ymd_and_hms(2026, 11, day, hour, minute, 0)
        .unwrap()
}

fn answered(content: &Content, yes: &[&str], when: DateTime<FixedOffset>) -> GateState {
    let (yes, no): (Vec<String>, Vec<String>) = content
        .checklist
        .iter()
        .map(|i| i.id.clone())
        .partition(|id| yes.contains(&id.as_str()));
    GateState {
        answers: Some(Answers { at: when, yes, no }),
        ..GateState::default()
    }
}

fn open_ids(content: &Content, state: &GateState, now: DateTime<FixedOffset>) -> Vec<String> {
    content
        .techniques
        .iter()
        .filter(|t| access(state, &content.checklist, t, false, &now) == Access::Open)
        .map(|t| t.id.clone())
        .collect()
}

#[test]
fn each_yes_locks_what_its_item_says_and_urgent_ones_are_flagged() {
    let content = builtin();
    let now = at(1, 22, 9, 0);
    let twists = ["seated_floor_twist", "lying_spinal_twist"];
    for item in &content.checklist {
        let state = answered(&content, &[&item.id], now);
        let GateStatus::Answered(verdict) = state.status(&content.checklist, &now) else {
            panic!("{}: answered today but not Answered", item.id);
        };
        assert_eq!(verdict.closed_by.len(), 1, "{}", item.id);
        assert_eq!(verdict.has_urgent(), item.urgent, "{}", item.id);
        let open = open_ids(&content, &state, now);
        match &item.locks {
            Locks::All => assert!(open.is_empty(), "{} left {open:?} open", item.id),
            Locks::Tagged(tag) => {
                assert_eq!(tag, "extension");
                assert_eq!(open, twists, "{}: the twists stay open", item.id);
                let arch = content.technique("seated_chair_extension").unwrap();
                assert_eq!(verdict.lock_for(arch).map(|i| &i.id), Some(&item.id));
            }
        }
    }
    // The built-in list: stenosis is the only partial lock, and the four
    // urgent red flags of the facts are urgent.
    let tagged: Vec<&str> = content
        .checklist
        .iter()
        .filter(|i| i.locks != Locks::All)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(tagged, ["spinal_stenosis"]);
    let urgent: Vec<&str> = content
        .checklist
        .iter()
        .filter(|i| i.urgent)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        urgent,
        [
            "fever",
            "unexplained_weight_loss",
            "bowel_bladder_changes",
            "saddle_or_leg_numbness"
        ]
    );
}

#[test]
fn urgent_answers_come_first() {
    let content = builtin();
    let now = at(0, 22, 9, 0);
    let state = answered(&content, &["osteoporosis", "locked_back", "fever"], now);
    let GateStatus::Answered(verdict) = state.status(&content.checklist, &now) else {
        panic!("not answered");
    };
    let order: Vec<&str> = verdict.closed_by.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(order, ["fever", "osteoporosis", "locked_back"]);
}

#[test]
fn all_no_unlocks_every_technique() {
    let content = builtin();
    let now = at(0, 22, 9, 0);
    let state = answered(&content, &[], now);
    assert_eq!(open_ids(&content, &state, now).len(), 3);
}

#[test]
fn nothing_answered_or_partly_answered_asks() {
    let content = builtin();
    let now = at(0, 22, 9, 0);
    assert_eq!(
        GateState::default().status(&content.checklist, &now),
        GateStatus::Ask
    );
    let mut state = answered(&content, &[], now);
    state.answers.as_mut().unwrap().no.pop();
    assert_eq!(state.status(&content.checklist, &now), GateStatus::Ask);
    assert!(open_ids(&content, &state, now).is_empty());
}

#[test]
fn answers_expire_at_local_midnight() {
    let content = builtin();
    // Answered late in the evening, one hour east of UTC.
    let state = answered(&content, &[], at(1, 22, 23, 50));
    let table = [
        (at(1, 22, 23, 50), true),
        (at(1, 22, 23, 59), true),
        (at(1, 23, 0, 0), false),
        (at(1, 23, 0, 1), false),
        (at(1, 23, 12, 0), false),
        // The clock set back a day: not today, so ask.
        (at(1, 21, 23, 0), false),
    ];
    for (now, open) in table {
        assert_eq!(
            matches!(
                state.status(&content.checklist, &now),
                GateStatus::Answered(_)
            ),
            open,
            "at {now}"
        );
    }
}

#[test]
fn a_user_whose_day_crosses_utc_midnight_keeps_the_gate_until_their_own_midnight() {
    let content = builtin();
    // 15:00 in UTC-8 is 23:00 UTC; 17:00 there is already the next UTC day.
    let answered_at = at(-8, 22, 15, 0);
    let state = answered(&content, &[], answered_at);
    let later_same_local_day = at(-8, 22, 17, 0);
    assert_ne!(
        later_same_local_day.naive_utc().date(),
        answered_at.naive_utc().date()
    );
    assert!(matches!(
        state.status(&content.checklist, &later_same_local_day),
        GateStatus::Answered(_)
    ));
    assert!(matches!(
        state.status(&content.checklist, &at(-8, 22, 23, 59)),
        GateStatus::Answered(_)
    ));
    assert_eq!(
        state.status(&content.checklist, &at(-8, 23, 0, 0)),
        GateStatus::Ask
    );
    // The same instant seen from a zone where the day already changed.
    assert_eq!(
        state.status(
            &content.checklist,
            &later_same_local_day.with_timezone(&zone(0))
        ),
        GateStatus::Ask
    );
}

#[test]
fn a_hurt_report_relocks_for_the_rest_of_the_day_whatever_the_answers() {
    let content = builtin();
    let mut state = answered(&content, &[], at(2, 22, 8, 0));
    state.report_hurt(at(2, 22, 10, 0));
    for now in [at(2, 22, 10, 0), at(2, 22, 23, 59)] {
        assert_eq!(state.status(&content.checklist, &now), GateStatus::Hurt);
        assert!(open_ids(&content, &state, now).is_empty());
    }
    // Answering all "no" again the same day does not reopen it.
    let mut again = answered(&content, &[], at(2, 22, 11, 0));
    again.hurt_at = state.hurt_at;
    assert_eq!(
        again.status(&content.checklist, &at(2, 22, 11, 0)),
        GateStatus::Hurt
    );
    // The next day asks again.
    assert_eq!(
        state.status(&content.checklist, &at(2, 23, 0, 0)),
        GateStatus::Ask
    );
}

#[test]
fn habit_warning_comes_before_an_open_technique_until_acknowledged_today() {
    let content = builtin();
    let now = at(0, 22, 9, 0);
    let mut state = answered(&content, &[], now);
    let twist = content.technique("lying_spinal_twist").unwrap();
    assert_eq!(
        access(&state, &content.checklist, twist, true, &now),
        Access::HabitWarning
    );
    state.habit_acknowledged_at = Some(at(0, 21, 9, 0));
    assert_eq!(
        access(&state, &content.checklist, twist, true, &now),
        Access::HabitWarning,
        "yesterday's acknowledgement does not count"
    );
    state.habit_acknowledged_at = Some(now);
    assert_eq!(
        access(&state, &content.checklist, twist, true, &now),
        Access::Open
    );
    // A lock wins over the habit question.
    let locked = answered(&content, &["osteoporosis"], now);
    assert!(matches!(
        access(&locked, &content.checklist, twist, true, &now),
        Access::Locked(item) if item.id == "osteoporosis"
    ));
}

/// Uses at 10:00 on each given day of November, in UTC+1.
fn uses(days: &[u32]) -> Vec<DateTime<FixedOffset>> {
    days.iter().map(|d| at(1, *d, 10, 0)).collect()
}

#[test]
fn moderation_counts_distinct_days_of_the_window_today_included() {
    let m = Moderation {
        window_days: 7,
        habit_days: 4,
    };
    let now = at(1, 22, 9, 0);
    // (days of November with a use, days used in the window, days with
    // today, habit?). The window is the 16th to the 22nd.
    let table: &[(&[u32], u32, u32, bool)] = &[
        (&[], 0, 1, false),
        (&[21, 19], 2, 3, false),
        // The 4th day: three days before today, and today's use.
        (&[21, 19, 17], 3, 4, true),
        (&[21, 20, 19, 18, 17, 16], 6, 7, true),
        // Many uses on one day are one day.
        (&[21, 21, 21, 21, 21], 1, 2, false),
        // Today counts once, used already or not.
        (&[22, 22, 21, 20], 3, 3, false),
        (&[22, 21, 20, 19], 4, 4, true),
        // Days before the window do not count.
        (&[21, 20, 15, 14, 13, 12], 2, 3, false),
        // A clock set back: uses "in the future" are ignored.
        (&[23, 24, 25, 26], 0, 1, false),
    ];
    for (days, count, with_today, habit) in table {
        let log = uses(days);
        assert_eq!(days_used(&log, m.window_days, &now), *count, "{days:?}");
        assert_eq!(
            days_with_today(&log, m.window_days, &now),
            *with_today,
            "{days:?}"
        );
        assert_eq!(is_habit(&log, m, &now), *habit, "{days:?}");
    }
    // Day boundaries are local: 00:30 on the 16th in UTC+1 is inside the
    // window there, but it is still the 15th in UTC, outside it.
    let edge = vec![at(1, 15, 23, 30), at(1, 16, 0, 30)];
    assert_eq!(days_used(&edge, 7, &now), 1);
    assert_eq!(days_used(&edge, 7, &now.with_timezone(&zone(0))), 0);
    assert_eq!(days_used(&edge, 8, &now), 2);
}

#[test]
fn thresholds_come_from_content() {
    let strict = Moderation {
        window_days: 3,
        habit_days: 2,
    };
    let now = at(0, 22, 9, 0);
    assert!(is_habit(&[at(0, 20, 9, 0)], strict, &now));
    assert!(!is_habit(&[at(0, 19, 9, 0)], strict, &now));
}

#[test]
fn the_form_starts_blank_and_enter_alone_never_passes() {
    let content = builtin();
    let n = content.checklist.len();
    let mut form = ChecklistForm::blank(n);
    assert_eq!(form.answered(), 0);
    assert!(form.answers.iter().all(Option::is_none));
    // Holding Enter: submitting again and again.
    for _ in 0..100 {
        assert!(form.submit(&content.checklist, at(0, 22, 9, 0)).is_none());
    }
    assert_eq!(form.answered(), 0);
    // All but one answered: still refused, and the cursor goes to the gap.
    for _ in 0..n {
        form.answer(false);
    }
    form.cursor.first();
    form.cursor.page(5, n);
    form.answers[5] = None;
    form.cursor.last(n);
    assert!(form.submit(&content.checklist, at(0, 22, 9, 0)).is_none());
    assert_eq!(form.cursor.index(), 5);
    form.answer(true);
    let answers = form.submit(&content.checklist, at(0, 22, 9, 0)).unwrap();
    assert_eq!(answers.yes, [content.checklist[5].id.clone()]);
    assert_eq!(answers.no.len(), n - 1);
}

#[test]
fn answering_moves_to_the_next_unanswered_question() {
    let mut form = ChecklistForm::blank(4);
    form.cursor.page(2, 4);
    form.answer(true);
    assert_eq!(form.cursor.index(), 3);
    form.answer(false);
    assert_eq!(form.cursor.index(), 3, "stays on the last question");
    form.cursor.first();
    form.answer(false);
    assert_eq!(form.cursor.index(), 1);
}

fn user(text: &str) -> Source {
    Source {
        name: "mine.ron".into(),
        text: text.into(),
        builtin: false,
    }
}

#[test]
fn built_in_moderation_matches_the_fallback_and_can_be_overridden() {
    assert_eq!(builtin().moderation, Moderation::default());
    let mut sources = source::builtin();
    sources.push(user(
        "(version: 1, moderation: (window_days: 14, habit_days: 10))",
    ));
    let content = load::load(&sources).unwrap();
    assert_eq!(
        content.moderation,
        Moderation {
            window_days: 14,
            habit_days: 10
        }
    );
}

#[test]
fn nonsense_thresholds_are_refused() {
    for (text, needle) in [
        (
            "(version: 1, moderation: (window_days: 7, habit_days: 8))",
            "`habit_days` is 8",
        ),
        (
            "(version: 1, moderation: (window_days: 0, habit_days: 0))",
            "`window_days` is 0",
        ),
        (
            "(version: 1, moderation: (window_days: 40, habit_days: 4))",
            "`window_days` is 40",
        ),
        ("(version: 1, moderation: (window_days: 7))", "habit_days"),
    ] {
        let mut sources = source::builtin();
        sources.push(user(text));
        let problems = load::load(&sources).unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            shown
                .iter()
                .any(|p| p.contains("mine.ron") && p.contains(needle)),
            "{text}: {shown:?}"
        );
    }
}

#[test]
fn techniques_without_a_checklist_are_refused() {
    let text = "(version: 1, techniques: [(id: \"t\", name: \"T\", position: chair, \
                steps: [\"a\"], dose: (), tags: [\"self_release\"], gated: true)])";
    let problems = load::load(&[user(text)]).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("need a safety checklist")),
        "{problems:?}"
    );
}
