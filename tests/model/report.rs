//! The clinic report: gathered from synthetic records, written as text,
//! Markdown and HTML (golden files), the HTML read back by a real parser;
//! everything from content or data escaped for its format.

use backcoach::cli::ReportFormat;
use backcoach::cli::report_command::{dates, write};
use backcoach::content::catalog::Content;
use backcoach::content::load;
use backcoach::content::source::Source;
use backcoach::domain::dose_step::{Adjusted, Direction};
use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::domain::report::ReportData;
use backcoach::domain::session_record::{
    ExerciseOutcome, ExerciseResult, Rating, SessionOutcome, SessionRecord,
};
use backcoach::domain::suggest::DoseChange;
use backcoach::report::blocks::blocks;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use insta::assert_snapshot;

fn content(extra_name: &str) -> Content {
    let text = include_str!("../fixtures/programme.ron").replace("Core basics", extra_name);
    load::load(&[Source {
        name: "programme.ron".into(),
        text,
        builtin: false,
    }])
    .unwrap_or_else(|p| panic!("{p:?}"))
}

fn at(d: u32, h: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, d, h, 0, 0)
        .unwrap()
}

fn session(d: u32, routine: &str, outcome: SessionOutcome, pain: (u8, u8)) -> Record {
    Record::Session(SessionRecord {
        started: at(d, 9),
        duration_secs: 95,
        routine: routine.into(),
        exercises: vec![ExerciseResult {
            exercise: "press".into(),
            outcome: if outcome == SessionOutcome::Skipped {
                ExerciseOutcome::Skipped
            } else {
                ExerciseOutcome::Done
            },
            rating: (outcome == SessionOutcome::Completed).then_some(Rating::Easy),
        }],
        pain_before: Some(pain.0),
        pain_after: Some(pain.1),
        outcome,
    })
}

fn records() -> Vec<Record> {
    use SessionOutcome::*;
    vec![
        // Before the report's dates: left out.
        session(1, "core", Completed, (5, 5)),
        session(10, "core", Completed, (4, 3)),
        session(11, "walk", Completed, (4, 4)),
        Record::Standup {
            at: at(11, 10),
            outcome: StandupOutcome::Done,
        },
        Record::Standup {
            at: at(11, 11),
            outcome: StandupOutcome::Snoozed,
        },
        session(12, "core", StoppedForPain, (3, 6)),
        Record::DoseChange(Box::new(DoseChange {
            at: at(12, 10),
            direction: Direction::Easier,
            reason: "stopped with \"this hurts\"".into(),
            change: Adjusted {
                routine: "core".into(),
                slot: "press".into(),
                exercise: "press".into(),
                hold_secs: Some(1),
                reps: Some(1),
                flare_until: None,
            },
            doses: Vec::new(),
        })),
        Record::Therapy {
            mode: backcoach::content::model::TherapyKind::Heat,
            planned_secs: 900,
            actual_secs: 840,
            started: at(12, 12),
            ended: at(12, 13),
            ended_early: true,
        },
        Record::ReleaseUsed {
            at: at(13, 8),
            technique: "lying_spinal_twist".into(),
        },
        Record::ReleaseHurt {
            at: at(13, 8),
            technique: "lying_spinal_twist".into(),
        },
        session(17, "core", Skipped, (2, 2)),
        session(18, "core", Completed, (2, 1)),
    ]
}

fn rendered(format: ReportFormat, name: &str) -> String {
    let (since, until) = dates(
        Some(NaiveDate::from_ymd_opt(2026, 11, 9).unwrap()),
        Some(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    )
    .unwrap();
    let mut data = ReportData::new(since, until);
    for record in records() {
        data.add(record);
    }
    let mut out = Vec::new();
    write(format, &blocks(&data, &content(name)), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_report_in_text() {
    let text = rendered(ReportFormat::Text, "Core basics");
    assert!(text.contains("Core strength plan, prescribed by Riverside Physiotherapy"));
    // Week of the 16th: one skipped session does not count.
    assert!(text.contains("2026-11-16  1     4"), "{text}");
    assert_snapshot!("report_text", text);
}

#[test]
fn the_report_in_markdown() {
    assert_snapshot!("report_md", rendered(ReportFormat::Md, "Core basics"));
}

#[test]
fn the_report_in_html_parses_and_is_self_contained() {
    let html = rendered(ReportFormat::Html, "Core basics");
    assert_snapshot!("report_html", html);
    let dom = tl::parse(&html, tl::ParserOptions::default()).unwrap();
    let parser = dom.parser();
    let count = |selector: &str| {
        dom.query_selector(selector)
            .map_or(0, |found| found.count())
    };
    assert_eq!(count("script"), 0);
    assert_eq!(count("link"), 0);
    assert_eq!(count("img"), 0);
    assert_eq!(count("iframe"), 0);
    assert_eq!(count("style"), 1);
    assert_eq!(count("svg"), 1);
    assert_eq!(count("polyline"), 2);
    for tag in dom.nodes().iter().filter_map(|n| n.as_tag()) {
        for (name, _) in tag.attributes().iter() {
            assert!(
                !["src", "href", "xmlns", "srcset"].contains(&name.as_ref()),
                "{name} on <{}>",
                tag.name().as_utf8_str()
            );
        }
    }
    assert!(!html.contains("http"), "a URL in the page");
    assert!(!html.contains("url("), "CSS that loads something");
    assert!(html.contains("@media print"));
    let headings: Vec<String> = dom
        .query_selector("h2")
        .unwrap()
        .filter_map(|h| h.get(parser))
        .map(|h| h.inner_text(parser).into_owned())
        .collect();
    assert_eq!(
        headings,
        [
            "Programme",
            "Sessions per week",
            "Sessions",
            "Pain before and after (0-10)",
            "Stops for pain",
            "How exercises felt",
            "Accepted dose changes",
            "Self-release",
            "Stand-ups per day",
            "Heat and cold",
        ]
    );
}

#[test]
fn text_from_content_is_escaped_for_each_format() {
    let name = "<script>alert(1)</script> *bold* | pipe";
    let html = rendered(ReportFormat::Html, name);
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; *bold* | pipe"));
    let md = rendered(ReportFormat::Md, name);
    assert!(
        md.contains(r"\<script\>alert(1)\</script\> \*bold\* \| pipe"),
        "{md}"
    );
    // Data is untrusted too: a technique id with an escape is shown safely.
    let mut data = ReportData::new(
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    );
    data.add(Record::ReleaseHurt {
        at: at(13, 8),
        technique: "evil\u{1b}[2Jid".into(),
    });
    for format in [ReportFormat::Text, ReportFormat::Md, ReportFormat::Html] {
        let mut out = Vec::new();
        write(format, &blocks(&data, &content("x")), &mut out).unwrap();
        assert!(!out.contains(&0x1b), "{format:?}");
    }
}

#[test]
fn the_dates_default_to_the_last_four_weeks() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let (since, until) = dates(None, None, today).unwrap();
    assert_eq!(
        (since, until),
        (NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(), today)
    );
    assert!(dates(Some(today), NaiveDate::from_ymd_opt(2026, 11, 1), today).is_err());
}

#[test]
fn the_history_screen_writes_the_report_and_says_where() {
    use backcoach::app::{self, App, Cmd, HomeEntry, Intent, Now, Outcome};
    use backcoach::store::{Settings, Store};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let settings = Settings {
        disclaimer_acknowledged: Some(chrono::Local::now()),
        ..Settings::default()
    };
    let mut app = App::new(content("Core basics"), settings, true);
    let now = Now::new(std::time::Instant::now(), chrono::Local::now());
    let history = HomeEntry::ALL
        .iter()
        .position(|e| *e == HomeEntry::History)
        .unwrap();
    app::update(
        &mut app,
        Intent::Digit(u8::try_from(history + 1).unwrap()),
        now,
    );
    let w = backcoach::keys::map(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::NONE), &app);
    assert_eq!(w, Some(Intent::WriteReport));
    assert_eq!(
        app::update(&mut app, Intent::WriteReport, now),
        vec![Cmd::WriteReport]
    );
    app::update(
        &mut app,
        Outcome::ReportWritten(Ok("/tmp/r.html".into())),
        now,
    );
    assert_eq!(app.notice.as_deref(), Some("Report written to /tmp/r.html"));
    app::update(
        &mut app,
        Outcome::ReportWritten(Err("disk full".into())),
        now,
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("Could not write the report: disk full")
    );

    // What the runtime does with the command: the page, privately.
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    for record in records() {
        store.append(&record).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let wall = chrono::Local
        .with_ymd_and_hms(2026, 11, 22, 12, 0, 0)
        .unwrap();
    let path = backcoach::runtime::report_file::write_report(
        &store,
        &content("Core basics"),
        out.path(),
        wall,
    )
    .unwrap();
    assert_eq!(path, out.path().join("backcoach-report-2026-11-22.html"));
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.contains("<h2>Sessions per week</h2>") && page.contains("2026-11-18"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
