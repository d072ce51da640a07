//! The latest record of one kind, however old (when the safety warnings
//! were last read to the end): each log is read backwards until one is
//! found, lines without the kind's mark skipped without being parsed, and
//! then on for [`ENOUGH_OLD`] more lines in case a clock set back put a
//! later one further up. Run on a worker thread: a log without any
//! costs one quick pass over it.

use chrono::{DateTime, FixedOffset};
use serde::de::DeserializeOwned;

use super::history_back::Backwards;
use super::history_lines::{self, Checked, Verdict};
use super::history_recent::ENOUGH_OLD;
use super::{Store, StoreError};
use crate::domain::record::Record;

impl Store {
    /// The latest record in any log for which `wanted` holds; `mark` is
    /// bytes every line of such a record holds.
    pub fn latest<T: DeserializeOwned + Checked>(
        &self,
        mark: &[u8],
        wanted: impl Fn(&T) -> bool,
    ) -> Result<Option<T>, StoreError> {
        let (logs, _) = self.open_logs()?;
        let finder = memchr::memmem::Finder::new(mark);
        let mut latest: Option<T> = None;
        for log in &logs {
            let mut reader = Backwards::new(&log.file, log.len);
            let mut after_found: Option<usize> = None;
            loop {
                let line = match reader.previous() {
                    Ok(Some(line)) => line,
                    Ok(None) => break,
                    Err(err) if log.log.own => return Err(StoreError::read(&log.log.path)(err)),
                    Err(_) => break,
                };
                if let Some(seen) = after_found.as_mut() {
                    *seen += 1;
                    if *seen > ENOUGH_OLD {
                        break;
                    }
                }
                let (_, Some(text), ended) = line else {
                    continue;
                };
                if finder.find(text).is_none() {
                    continue;
                }
                let Verdict::Good(entry) =
                    history_lines::judge::<T>(text, false, log.unfinished(ended))
                else {
                    continue;
                };
                if !wanted(&entry.record) {
                    continue;
                }
                after_found.get_or_insert(0);
                if latest
                    .as_ref()
                    .is_none_or(|l| l.time() < entry.record.time())
                {
                    latest = Some(entry.record);
                }
            }
        }
        Ok(latest)
    }

    /// When the safety warnings were last read to the end, in any log.
    pub fn last_review(&self) -> Result<Option<DateTime<FixedOffset>>, StoreError> {
        let review = self.latest::<Record>(b"\"warnings_reviewed\"", |record| {
            matches!(record, Record::WarningsReviewed { .. })
        })?;
        Ok(review.map(|record| record.time()))
    }

    /// The latest accepted dose change, in any log.
    pub fn last_dose_change(
        &self,
    ) -> Result<Option<crate::domain::suggest::DoseChange>, StoreError> {
        let change = self.latest::<Record>(b"\"dose_change\"", |record| {
            matches!(record, Record::DoseChange(_))
        })?;
        Ok(match change {
            Some(Record::DoseChange(change)) => Some(*change),
            _ => None,
        })
    }
}
