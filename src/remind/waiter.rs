//! A thread that waits for the full-screen app to close (its lock to be
//! released) and says so into `remind`'s channel, so `remind` takes the
//! alarms over at once, without polling.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crate::store::Store;

/// How long to wait before saying "closed" when the lock file cannot be
/// used at all (the loop then looks again, and would find the app).
const RETRY: Duration = Duration::from_secs(5);

/// Starts the waiting thread; `closed` makes the message it sends.
pub fn spawn<E: Send + 'static>(store: Store, tx: Sender<E>, closed: fn() -> E) {
    // Out of threads: nothing wakes the loop for this, but the next
    // signal or reminder still does.
    let _ = thread::Builder::new()
        .name("app-watch".into())
        .spawn(move || {
            if store.wait_app_closed().is_err() {
                thread::sleep(RETRY);
            }
            let _ = tx.send(closed());
        });
}
