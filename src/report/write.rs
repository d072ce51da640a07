//! The report's blocks written as plain text, Markdown or one
//! self-contained HTML page (inline CSS with print rules, an inline SVG
//! chart, no script, nothing from the network). Every text from content
//! or data is made safe to show ([`safe::shown`]) and escaped for its
//! format.

use std::io::{self, Write};

use super::blocks::Block;
use crate::text::{display_width, safe};

/// Writes `blocks` as aligned plain text.
pub fn text(blocks: &[Block], out: &mut impl Write) -> io::Result<()> {
    for block in blocks {
        match block {
            Block::Title(t) => {
                writeln!(out, "{}\n{}", safe::shown(t), "=".repeat(display_width(t)))?
            }
            Block::Heading(h) => writeln!(
                out,
                "\n{}\n{}",
                safe::shown(h),
                "-".repeat(display_width(h))
            )?,
            Block::Para(p) => writeln!(out, "{}", safe::shown(p))?,
            Block::Table(head, rows) => {
                let cells = |row: &[String]| -> Vec<String> {
                    row.iter().map(|c| safe::shown(c).into_owned()).collect()
                };
                let all: Vec<Vec<String>> = std::iter::once(cells(head))
                    .chain(rows.iter().map(|r| cells(r)))
                    .collect();
                let widths: Vec<usize> = (0..head.len())
                    .map(|i| {
                        all.iter()
                            .map(|r| r.get(i).map_or(0, |c| display_width(c)))
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                for row in &all {
                    let line: Vec<String> = row
                        .iter()
                        .zip(&widths)
                        .map(|(c, w)| {
                            format!("{c}{}", " ".repeat(w.saturating_sub(display_width(c))))
                        })
                        .collect();
                    writeln!(out, "  {}", line.join("  ").trim_end())?;
                }
            }
            Block::Chart(points) => {
                for (day, before, after) in points {
                    writeln!(
                        out,
                        "  {day}  {:>2} -> {:>2}  {}",
                        opt(*before),
                        opt(*after),
                        bar(*after)
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn opt(value: Option<u8>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn bar(value: Option<u8>) -> String {
    "#".repeat(usize::from(value.unwrap_or(0)))
}

/// `text` with Markdown's special characters escaped.
fn md(text: &str) -> String {
    let mut out = String::new();
    for c in safe::shown(text).chars() {
        if "\\`*_[]<>#|!~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes `blocks` as Markdown (tables as pipe tables).
pub fn markdown(blocks: &[Block], out: &mut impl Write) -> io::Result<()> {
    for block in blocks {
        match block {
            Block::Title(t) => writeln!(out, "# {}\n", md(t))?,
            Block::Heading(h) => writeln!(out, "\n## {}\n", md(h))?,
            Block::Para(p) => writeln!(out, "{}\n", md(p))?,
            Block::Table(head, rows) => {
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| md(c)).collect();
                    format!("| {} |", cells.join(" | "))
                };
                writeln!(out, "{}", row(head))?;
                writeln!(out, "|{}", " --- |".repeat(head.len()))?;
                for r in rows {
                    writeln!(out, "{}", row(r))?;
                }
                writeln!(out)?;
            }
            Block::Chart(points) => {
                writeln!(out, "| Date | Before | After |\n| --- | --- | --- |")?;
                for (day, before, after) in points {
                    writeln!(out, "| {} | {} | {} |", md(day), opt(*before), opt(*after))?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// `text` made safe and HTML-escaped.
fn esc(text: &str) -> String {
    let mut out = String::new();
    for c in safe::shown(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;color:#111;max-width:52em;margin:2em auto;padding:0 1em}\
h1{font-size:1.5em;border-bottom:2px solid #333}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #bbb}\
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:.2em .6em;text-align:left}\
th{background:#eee}svg{max-width:100%;height:auto}.before{stroke:#888;stroke-dasharray:4 3}.after{stroke:#b00}\
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}table,svg{break-inside:avoid}}";

/// Writes `blocks` as one self-contained HTML page.
pub fn html(blocks: &[Block], out: &mut impl Write) -> io::Result<()> {
    let title = blocks.iter().find_map(|b| match b {
        Block::Title(t) => Some(t.as_str()),
        _ => None,
    });
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(title.unwrap_or("backcoach report"))
    )?;
    for block in blocks {
        match block {
            Block::Title(t) => writeln!(out, "<h1>{}</h1>", esc(t))?,
            Block::Heading(h) => writeln!(out, "<h2>{}</h2>", esc(h))?,
            Block::Para(p) => writeln!(out, "<p>{}</p>", esc(p))?,
            Block::Table(head, rows) => {
                write!(out, "<table>\n<tr>")?;
                for h in head {
                    write!(out, "<th>{}</th>", esc(h))?;
                }
                writeln!(out, "</tr>")?;
                for row in rows {
                    write!(out, "<tr>")?;
                    for c in row {
                        write!(out, "<td>{}</td>", esc(c))?;
                    }
                    writeln!(out, "</tr>")?;
                }
                writeln!(out, "</table>")?;
            }
            Block::Chart(points) => chart(points, out)?,
        }
    }
    writeln!(out, "</body>\n</html>")
}

/// Pain before (dashed) and after (solid), 0 to 10, one step a session.
fn chart(points: &[(String, Option<u8>, Option<u8>)], out: &mut impl Write) -> io::Result<()> {
    let (w, h, left, top) = (600usize, 180usize, 30usize, 10usize);
    let step = (w - left - 10) / points.len().max(2).saturating_sub(1).max(1);
    let x = |i: usize| left + i * step;
    let y = |v: u8| top + (h - 2 * top) * (10 - usize::from(v.min(10))) / 10;
    writeln!(
        out,
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"Pain before (dashed) and after (solid) each session, 0 to 10\">"
    )?;
    for v in [0u8, 5, 10] {
        writeln!(
            out,
            "<line x1=\"{left}\" x2=\"{right}\" y1=\"{at}\" y2=\"{at}\" stroke=\"#ddd\"/><text x=\"4\" y=\"{label}\" font-size=\"11\">{v}</text>",
            right = w - 10,
            at = y(v),
            label = y(v) + 4
        )?;
    }
    for (class, pick) in [("before", 0usize), ("after", 1)] {
        let line: Vec<String> = points
            .iter()
            .enumerate()
            .filter_map(|(i, (_, b, a))| {
                if pick == 0 { *b } else { *a }.map(|v| format!("{},{}", x(i), y(v)))
            })
            .collect();
        writeln!(
            out,
            "<polyline class=\"{class}\" fill=\"none\" stroke-width=\"2\" points=\"{}\"/>",
            line.join(" ")
        )?;
        // A dot at each point, so a single rating shows too.
        for (cx, cy) in line.iter().filter_map(|p| p.split_once(',')) {
            writeln!(
                out,
                "<circle class=\"{class}\" cx=\"{cx}\" cy=\"{cy}\" r=\"3\" fill=\"none\" stroke-width=\"2\"/>"
            )?;
        }
    }
    writeln!(out, "</svg>")?;
    writeln!(
        out,
        "<p>Dashed: pain before; solid: pain after ({} to {}).</p>",
        esc(points.first().map_or("", |p| p.0.as_str())),
        esc(points.last().map_or("", |p| p.0.as_str()))
    )
}
