//! The clinic report's figures, read from every log in one streaming
//! pass: only the records in the report's dates are kept (see
//! [`crate::domain::report`]), so a long history costs time, not memory.

use chrono::{DateTime, Local, NaiveDate};

use super::history::Findings;
use super::history_merge::Merge;
use super::{Store, StoreError};
use crate::domain::record::Record;
use crate::domain::report::ReportData;

impl Store {
    /// Reads every log once, gathering the report for `since` to `until`.
    pub fn load_report(
        &self,
        since: NaiveDate,
        until: NaiveDate,
        now: DateTime<Local>,
    ) -> Result<(ReportData, Findings), StoreError> {
        let mut merge = Merge::<Record>::open(self)?;
        let mut data = ReportData::new(since, until);
        for record in merge.by_ref() {
            data.add(record);
        }
        Ok((data, merge.finish(now)))
    }
}
