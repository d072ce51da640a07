//! Reading the lines of the history log, on bytes: a line is kept or set
//! aside exactly as it was (no UTF-8 repair of a damaged line), and one
//! pass over the log decides every line, so a repair takes time in
//! proportion to the log's size.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::text::safe;

/// Version written into every record.
pub const RECORD_VERSION: u32 = 1;

/// A record that can tell whether the values it was read with make sense;
/// one that cannot is treated like a line that does not parse.
pub trait Checked {
    /// Why the record cannot be right, if it cannot.
    fn problem(&self) -> Option<String>;
}

impl Checked for crate::domain::record::Record {
    fn problem(&self) -> Option<String> {
        crate::domain::record::Record::problem(self)
    }
}

#[derive(Deserialize)]
struct LineIn<T> {
    version: u32,
    #[serde(flatten)]
    record: T,
}

/// What one pass over the log found.
pub struct Parsed<T> {
    /// Every good record, in log order.
    pub records: Vec<T>,
    /// One sentence per bad line, safe to show.
    pub problems: Vec<String>,
    /// The 0-based indexes of the bad lines, ascending.
    pub bad: Vec<usize>,
}

/// The lines of `bytes`, each without its `\n`.
fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes
        .split(|b| *b == b'\n')
        .filter(move |_| !bytes.is_empty())
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Reads every line of the log.
pub fn parse<T: DeserializeOwned + Checked>(bytes: &[u8]) -> Parsed<T> {
    let mut parsed = Parsed {
        records: Vec::new(),
        problems: Vec::new(),
        bad: Vec::new(),
    };
    for (index, line) in lines(bytes).enumerate() {
        if is_blank(line) {
            continue;
        }
        let problem = match serde_json::from_slice::<LineIn<T>>(line) {
            Ok(entry) if entry.version != RECORD_VERSION => Some(format!(
                "record version {} is not one this backcoach reads",
                entry.version
            )),
            Ok(entry) => match entry.record.problem() {
                None => {
                    parsed.records.push(entry.record);
                    None
                }
                Some(problem) => Some(problem),
            },
            Err(err) => Some(err.to_string()),
        };
        if let Some(problem) = problem {
            let number = index + 1;
            parsed
                .problems
                .push(format!("line {number}: {}", safe::shown(&problem)));
            parsed.bad.push(index);
        }
    }
    parsed
}

/// The log split in two: the good and blank-free lines to keep, and the
/// bad ones to set aside, each ending in `\n`, byte for byte as read.
pub fn split(bytes: &[u8], bad: &[usize]) -> (Vec<u8>, Vec<u8>) {
    let mut kept = Vec::with_capacity(bytes.len());
    let mut aside = Vec::new();
    let mut next_bad = bad.iter().copied().peekable();
    for (index, line) in lines(bytes).enumerate() {
        let out = if next_bad.next_if_eq(&index).is_some() {
            &mut aside
        } else if is_blank(line) {
            continue;
        } else {
            &mut kept
        };
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    (kept, aside)
}
