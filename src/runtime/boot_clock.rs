//! Reads the boot clock (Linux: the boot id and CLOCK_BOOTTIME through
//! `/proc/uptime`, which counts suspend and ignores wall-clock changes).
//! Elsewhere there is none, and a restart measures with the wall clock.

use crate::time::BootTime;

/// The boot clock now, where the platform has one.
#[cfg(target_os = "linux")]
pub fn read() -> Option<BootTime> {
    use std::sync::OnceLock;
    // The id of this boot cannot change while the process runs.
    static ID: OnceLock<Option<String>> = OnceLock::new();
    let id = ID
        .get_or_init(|| std::fs::read_to_string("/proc/sys/kernel/random/boot_id").ok())
        .as_deref()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    BootTime::parse(id, &uptime)
}

/// No boot clock on this platform.
#[cfg(not(target_os = "linux"))]
pub fn read() -> Option<BootTime> {
    None
}
