//! A nudge from the full-screen app to a `backcoach remind` watching the
//! same data folder, when the app closes: remind sleeps until the next
//! thing it knows of, and cannot know of a pack put on in the app while it
//! slept. On unix a socket in the data folder carries the nudge (remind
//! listens, the app connects and goes); elsewhere there is none, and
//! remind looks again every minute instead.

use std::path::Path;
use std::sync::mpsc::Sender;

/// Name of the socket in the data folder.
pub const SOCKET: &str = "remind.sock";

/// Listens for nudges in `dir` on a thread, sending `nudged()` into `tx`
/// for each. False when it cannot (the caller then looks periodically).
#[cfg(unix)]
pub fn listen<E: Send + 'static>(dir: &Path, tx: Sender<E>, nudged: fn() -> E) -> bool {
    use std::os::unix::net::UnixListener;
    let path = dir.join(SOCKET);
    // Only the holder of remind.lock gets here: an old socket is stale.
    let _ = std::fs::remove_file(&path);
    let Ok(listener) = UnixListener::bind(&path) else {
        return false;
    };
    std::thread::Builder::new()
        .name("nudge".into())
        .spawn(move || {
            for stream in listener.incoming() {
                drop(stream);
                if tx.send(nudged()).is_err() {
                    return;
                }
            }
        })
        .is_ok()
}

/// No sockets to listen on here.
#[cfg(not(unix))]
pub fn listen<E: Send + 'static>(_dir: &Path, _tx: Sender<E>, _nudged: fn() -> E) -> bool {
    false
}

/// Nudges a remind listening in `dir`, if any; errors are ignored (there
/// may be none).
#[cfg(unix)]
pub fn nudge(dir: &Path) {
    let _ = std::os::unix::net::UnixStream::connect(dir.join(SOCKET));
}

/// Nothing to nudge with here.
#[cfg(not(unix))]
pub fn nudge(_dir: &Path) {}

/// Removes the socket on the way out (best effort).
pub fn forget(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(SOCKET));
}
