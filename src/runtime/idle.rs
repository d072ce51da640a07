//! How long the user has been idle, from what the session offers: tmux's
//! `client_activity` when inside tmux, logind's idle hint where there is a
//! session. Each through [`crate::probe`], with a time limit; run on a
//! worker by `perform`. Nothing offered gives `None`.

use crate::probe::{self, PROBE_TIMEOUT};

/// Seconds idle, the longest any source reports. Each source's answer is
/// measured against the clock read when that source has answered, so a
/// slow probe (a loaded machine) does not shorten the time away.
pub fn seconds() -> Option<u64> {
    let now = || chrono::Utc::now().timestamp();
    let tmux = std::env::var_os("TMUX")
        .and_then(|_| {
            probe::run(
                &["tmux", "display", "-p", "#{client_activity}"],
                PROBE_TIMEOUT,
            )
            .ok()
        })
        .filter(|ran| ran.success)
        .and_then(|ran| tmux_idle(&ran.stdout, now()));
    let logind = std::env::var("XDG_SESSION_ID")
        .ok()
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()))
        .and_then(|id| {
            let args = [
                "loginctl",
                "show-session",
                &id,
                "-p",
                "IdleHint",
                "-p",
                "IdleSinceHint",
            ];
            probe::run(&args, PROBE_TIMEOUT).ok()
        })
        .filter(|ran| ran.success)
        .and_then(|ran| logind_idle(&ran.stdout, now()));
    tmux.max(logind)
}

/// `client_activity` is the Unix time of the client's last input.
pub fn tmux_idle(output: &str, now: i64) -> Option<u64> {
    let last: i64 = output.trim().parse().ok()?;
    u64::try_from(now.checked_sub(last)?).ok()
}

/// `IdleHint=yes` and `IdleSinceHint=` microseconds since the epoch; not
/// idle (or no hint) gives `None`.
pub fn logind_idle(output: &str, now: i64) -> Option<u64> {
    let field = |name: &str| {
        output
            .lines()
            .find_map(|line| line.trim().strip_prefix(name)?.strip_prefix('='))
    };
    if field("IdleHint")? != "yes" {
        return None;
    }
    let since: i64 = field("IdleSinceHint")?.parse().ok()?;
    u64::try_from(now.checked_sub(since / 1_000_000)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_sources() {
        assert_eq!(tmux_idle("1700000000\n", 1_700_000_600), Some(600));
        assert_eq!(tmux_idle("soon", 1_700_000_600), None);
        assert_eq!(tmux_idle("1700000700", 1_700_000_600), None);
        let out = "IdleHint=yes\nIdleSinceHint=1700000000000000\n";
        assert_eq!(logind_idle(out, 1_700_000_900), Some(900));
        assert_eq!(logind_idle("IdleHint=no\nIdleSinceHint=0\n", 1), None);
        assert_eq!(logind_idle("", 1), None);
    }
}
