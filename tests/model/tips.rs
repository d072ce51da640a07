//! Education cards: the built-in ones load and are the project's own
//! short texts, the card follows the date, and cards are validated.

use backcoach::content::load;
use backcoach::content::source;

use crate::support::content::problems;
use backcoach::content::tips::of_the_day;
use chrono::NaiveDate;

#[test]
fn the_built_in_cards_take_turns_by_date() {
    let content = load::load(&source::builtin()).unwrap();
    let ids: Vec<&str> = content.tips.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "keep_moving",
            "hurt_not_harm",
            "scans_rarely_needed",
            "exercise_helps",
            "little_and_often"
        ]
    );
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    // The 22nd of November 2026 is day 739,942: 739,942 mod 5 is 2.
    assert_eq!(
        of_the_day(&content.tips, day(22)).unwrap().id,
        "scans_rarely_needed"
    );
    assert_eq!(
        of_the_day(&content.tips, day(23)).unwrap().id,
        "exercise_helps"
    );
    // Five days on, the same card again; no cards, no card.
    assert_eq!(
        of_the_day(&content.tips, day(27)).unwrap().id,
        "scans_rarely_needed"
    );
    assert!(of_the_day(&[], day(22)).is_none());
    for tip in &content.tips {
        assert!(tip.text.len() < 220, "{} is not short", tip.id);
    }
}

#[test]
fn cards_are_validated() {
    let check = problems;
    let said = check(r#"(version: 1, tips: [(id: "t", title: "", text: "x")])"#);
    assert!(
        said.contains("entry t: a tip needs a title and a text"),
        "{said}"
    );
    let said = check("(version: 1, tips: [(id: \"t\", title: \"T\", text: \"a\\u{7}b\")])");
    assert!(
        said.contains("tip `t`, text: holds a control character (U+0007)"),
        "{said}"
    );
    let said = check(
        r#"(version: 1, tips: [(id: "keep_moving", title: "A", text: "B"), (id: "keep_moving", title: "C", text: "D")])"#,
    );
    assert!(said.contains("duplicate tip id"), "{said}");
}
