//! Reading answers in plain mode: a thread reads stdin line by line,
//! whatever it is (a terminal, a pipe, a file), and sends each line into
//! the loop's channel, then the end of input.

use std::io::{self, BufRead, Read};
use std::sync::mpsc::Sender;

/// Longest line kept; the rest of a longer one is read and dropped (a
/// pipe may send anything).
pub const MAX_LINE: usize = 4096;

/// What the reader sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One line, without its line ending.
    Line(String),
    /// No more input (end of file, or stdin could not be read).
    End,
}

/// Starts the thread that reads stdin and sends each line, wrapped by
/// `wrap`, then [`Input::End`].
pub fn read_lines<T: Send + 'static>(tx: Sender<T>, wrap: fn(Input) -> T) -> io::Result<()> {
    std::thread::Builder::new()
        .name("stdin".into())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            loop {
                let wake = match read_line(&mut input) {
                    Ok(Some(line)) => Input::Line(line),
                    Ok(None) | Err(_) => Input::End,
                };
                let end = wake == Input::End;
                if tx.send(wrap(wake)).is_err() || end {
                    return;
                }
            }
        })
        .map(|_| ())
}

/// The next line of `input` (lossy UTF-8, line ending removed, cut to
/// [`MAX_LINE`] bytes), or none at its end.
pub fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_LINE).unwrap_or(u64::MAX);
    let read = input.by_ref().take(limit).read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
    } else if read == MAX_LINE {
        // Too long: drop the rest of it.
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let n = input.by_ref().take(limit).read_until(b'\n', &mut rest)?;
            if n == 0 || rest.last() == Some(&b'\n') {
                break;
            }
        }
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}
