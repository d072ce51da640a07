//! Before an application: the picked mode's guidance and safety rules,
//! which scroll, above the length and the question, which stay; and the
//! rest-gap warning.

use std::ops::Range;
use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::gap_ago;
use crate::app::App;
use crate::content::model::{TherapyKind, TherapyMode};
use crate::domain::therapy::CAP;
use crate::time::words;
use crate::ui::lines::{self, wrap_hanging, wrap_lines};
use crate::ui::report::Part;
use crate::ui::scroll_text::{self, Place, ScrollText};
use crate::ui::theme::Theme;

/// `text` wrapped to `width` with a hanging indent after `mark`.
fn hanging(text: &str, mark: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let body = Line::styled(text.to_owned(), style);
    wrap_hanging(
        Span::styled(mark.to_owned(), style),
        &body,
        usize::from(width),
    )
}

fn bullets(heading: &str, items: &[String], width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(heading.to_owned(), theme.title()))];
    for item in items {
        lines.extend(hanging(item, "  • ", width, theme.text()));
    }
    lines
}

fn pattern_text(mode: &TherapyMode) -> String {
    let parts: Vec<String> = mode
        .pattern
        .iter()
        .map(|s| format!("{}m {}", s.minutes, s.kind.id()))
        .collect();
    format!("{}, repeated until the end", parts.join(" → "))
}

/// The rule that the timer stops at the cap.
fn cap_rule(width: u16, theme: Theme) -> Vec<Line<'static>> {
    hanging(
        &format!(
            "The timer stops at {} at most, with no pause: take the pack off when the alert rings.",
            words::clock(CAP)
        ),
        "! ",
        width,
        theme.warning(),
    )
}

/// Guidance and safety rules at `width`; the focus is the safety rules,
/// brought into view when the check opens.
fn guidance(mode: &TherapyMode, compact: bool, width: u16, theme: Theme) -> ScrollText {
    let mut lines = bullets("When it helps", &mode.helps_with, width, theme);
    lines.extend(bullets("How", &mode.how, width, theme));
    if !mode.pattern.is_empty() {
        lines.push(Line::from(Span::styled("Pattern", theme.title())));
        lines.extend(hanging(&pattern_text(mode), "  ", width, theme.text()));
    }
    let start = lines.len();
    lines.push(Line::from(Span::styled("Safety", theme.title())));
    for rule in &mode.safety {
        lines.extend(hanging(rule, "  ! ", width, theme.warning()));
    }
    if compact {
        lines.extend(cap_rule(width, theme));
    }
    let focus: Range<usize> = start..lines.len();
    ScrollText {
        lines,
        focus: Some(focus),
    }
}

/// Guidance, safety rules, length and question. The length and the
/// question always show; the guidance and the rules above them scroll
/// when they do not fit, the rules brought into view first.
pub(super) fn render(
    app: &App,
    mode: &TherapyMode,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) -> Part {
    let compact = crate::ui::compact(area);
    let title = format!(" {} · before you start ", mode.name);
    let place = if compact {
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Line::styled(format!(" {}", title.trim()), theme.title()),
            head,
        );
        Place::plain(crate::ui::indent(body))
    } else {
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Span::styled(title, theme.title()));
        Place::boxed(block, frame, area)
    };
    let inner = place.text;
    let width = inner.width;
    let question = if mode.mode == TherapyKind::Heat {
        "Warm, not hot, and comfortable on the skin? y = yes, start."
    } else {
        "Is the ice pack wrapped in a towel? y = yes, start."
    };
    let mut controls = Vec::new();
    if !compact {
        controls.push(Line::default());
    }
    controls.push(Line::from(vec![
        Span::styled("Length ", theme.title()),
        Span::styled(words::clock(app.therapy.planned), theme.current()),
        Span::styled(
            format!("  (+/- a minute, max {})", words::clock(CAP)),
            theme.dim(),
        ),
    ]));
    let mut controls = wrap_lines(&controls, usize::from(width));
    if !compact {
        controls.extend(cap_rule(width, theme));
    }
    controls.extend(hanging(question, "? ", width, theme.current()));
    let text = guidance(mode, compact, width, theme);
    let controls_height = lines::height(&controls).min(inner.height);
    // The text as tall as it is, when there is room; the controls right
    // under it.
    let text_height = lines::height(&text.lines).min(inner.height - controls_height);
    let [text_area, controls_area, _] = Layout::vertical([
        Constraint::Length(text_height),
        Constraint::Length(controls_height),
        Constraint::Fill(1),
    ])
    .areas(inner);
    // The question matters most: if space is short, keep its end.
    let skip = lines::height(&controls).saturating_sub(controls_height);
    frame.render_widget(Paragraph::new(controls).scroll((skip, 0)), controls_area);
    // The text in its rows, the scrollbar beside them only.
    let place = Place {
        text: text_area,
        bar: Rect {
            y: text_area.y,
            height: text_area.height,
            ..place.bar
        },
        marker: place.marker,
    };
    let shown = scroll_text::render(text, app.scroll, frame, place, theme);
    Part::text(shown)
}

/// The rest-gap warning: when the last application ended, why to wait,
/// and how to start anyway.
pub(super) fn render_rest_gap(
    app: &App,
    mode: &TherapyMode,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) -> Part {
    let compact = crate::ui::compact(area);
    let ago = gap_ago(app).unwrap_or(Duration::ZERO);
    let gap = || (!compact).then(Line::default);
    let mut lines = Vec::new();
    lines.extend(gap());
    lines.push(Line::from(Span::styled(
        format!("! Your last application ended {}.", words::ago(ago)),
        theme.warning(),
    )));
    lines.extend(gap());
    lines.push(Line::from(Span::styled(
        "Give the skin a rest between applications: published guidance is 20 to 40 \
         minutes (some say 30) before the next one.",
        theme.text(),
    )));
    lines.extend(gap());
    lines.push(Line::from(Span::styled(
        format!(
            "Start {} for {} anyway? Press y to start, Esc to wait.",
            mode.name.to_lowercase(),
            words::clock(app.therapy.planned)
        ),
        theme.current(),
    )));
    let place = if compact {
        Place::plain(crate::ui::indent(area))
    } else {
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Span::styled(" Too soon? ", theme.warning()));
        Place::boxed(block, frame, area)
    };
    let lines = wrap_lines(&lines, usize::from(place.text.width));
    let shown = scroll_text::render(ScrollText::new(lines), app.scroll, frame, place, theme);
    Part::text(shown)
}
