//! A clock that survives a restart of the process: time since boot that
//! counts suspend and ignores wall-clock changes (Linux's CLOCK_BOOTTIME),
//! and which boot it belongs to. Plain data: the runtime reads it.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// One boot of the machine (Linux's `/proc/sys/kernel/random/boot_id`, a
/// random 128-bit number new at every boot).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct BootId(pub u128);

impl BootId {
    /// Reads the id from its text form: 32 hex digits, dashes allowed
    /// anywhere (`d70d5004-0ac8-4aac-8884-2113b1753685`).
    pub fn parse(text: &str) -> Option<BootId> {
        let digits: String = text.trim().chars().filter(|c| *c != '-').collect();
        if digits.len() != 32 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u128::from_str_radix(&digits, 16).ok().map(BootId)
    }
}

impl fmt::Display for BootId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl From<BootId> for String {
    fn from(id: BootId) -> String {
        id.to_string()
    }
}

impl TryFrom<String> for BootId {
    type Error = String;

    fn try_from(text: String) -> Result<BootId, String> {
        BootId::parse(&text).ok_or_else(|| format!("`{text}` is not a boot id"))
    }
}

/// A reading of the boot clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BootTime {
    /// The boot this reading belongs to.
    pub id: BootId,
    /// Time since that boot, suspended time included.
    pub since_boot: Duration,
}

impl BootTime {
    /// Reads both values from the text of Linux's boot id file and of
    /// `/proc/uptime` (whose first field is seconds since boot, suspend
    /// included); `None` when either is not as expected.
    pub fn parse(boot_id: &str, uptime: &str) -> Option<BootTime> {
        let id = BootId::parse(boot_id)?;
        let secs: f64 = uptime.split_whitespace().next()?.parse().ok()?;
        let since_boot = Duration::try_from_secs_f64(secs).ok()?;
        Some(BootTime { id, since_boot })
    }
}
