//! Reading a history log line by line, forwards, in bounded memory: a
//! line longer than [`MAX_LINE_BYTES`] is reported by its place, never
//! held. Several readers can share one open file (each part of a log that
//! goes back in time, and each stretch of a part, is read on its own, on
//! the merge's reader threads): each reads at its own place without
//! moving the others', so all of them read the same file even if a repair
//! renames a new one over its name meanwhile.

use std::fs::File;
use std::io;
use std::sync::Arc;

use super::history_lines::MAX_LINE_BYTES;

/// Bytes read at a time.
pub const BLOCK: usize = 64 * 1024;

/// Where a line is and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineAt {
    /// Its number in the file, from 1.
    pub number: usize,
    /// Where it starts in the file.
    pub offset: u64,
    /// Its length, the `\n` included.
    pub len: u64,
    /// True when it ends with `\n` (false only for the last line).
    pub ended: bool,
    /// True when it is over [`MAX_LINE_BYTES`]: its text is not kept.
    pub too_long: bool,
}

/// The lines of a part of an open file.
pub struct Lines {
    file: Arc<File>,
    buf: Vec<u8>,
    start: usize,
    filled: usize,
    /// Where the next read starts.
    pos: u64,
    /// Where reading stops.
    end: u64,
    /// The text of the current line when it did not lie whole in `buf`
    /// (empty when it is too long).
    line: Vec<u8>,
    /// Where the current line lies in `buf`, when it lies whole there
    /// (the usual case: then it is not copied).
    in_buf: Option<(usize, usize)>,
    /// Where the next line starts, and its number.
    next: (u64, usize),
}

impl Lines {
    /// The lines of `file` from `offset` (the start of line `number`) up
    /// to `end`, read `block` bytes at a time.
    pub fn new(file: Arc<File>, (offset, number): (u64, usize), end: u64, block: usize) -> Lines {
        Lines {
            file,
            buf: vec![0; block.max(1)],
            start: 0,
            filled: 0,
            pos: offset,
            end,
            line: Vec::new(),
            in_buf: None,
            next: (offset, number),
        }
    }

    /// The text of the line [`Lines::next_line`] returned last, without
    /// its `\n` (empty for a line too long to keep).
    pub fn text(&self) -> &[u8] {
        match self.in_buf {
            Some((start, end)) => &self.buf[start..end],
            None => &self.line,
        }
    }

    /// The next line, `None` at the end.
    pub fn next_line(&mut self) -> io::Result<Option<LineAt>> {
        self.line.clear();
        self.in_buf = None;
        let (offset, number) = self.next;
        let mut at = LineAt {
            number,
            offset,
            len: 0,
            ended: false,
            too_long: false,
        };
        loop {
            if self.start == self.filled && self.refill()? == 0 {
                if at.len == 0 {
                    return Ok(None);
                }
                break;
            }
            let chunk = &self.buf[self.start..self.filled];
            let (take, ended) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            if ended && at.len == 0 && take <= MAX_LINE_BYTES {
                // The whole line lies in the block: no copy.
                self.in_buf = Some((self.start, self.start + take));
                self.start += take + 1;
                at.len = take as u64 + 1;
                at.ended = true;
                break;
            }
            if !at.too_long && self.line.len() + take > MAX_LINE_BYTES {
                at.too_long = true;
                self.line = Vec::new();
            }
            if !at.too_long {
                self.line.extend_from_slice(&chunk[..take]);
            }
            let used = take + usize::from(ended);
            self.start += used;
            at.len += used as u64;
            if ended {
                at.ended = true;
                break;
            }
        }
        self.next = (offset + at.len, number + 1);
        Ok(Some(at))
    }

    fn refill(&mut self) -> io::Result<usize> {
        let want = self.end.saturating_sub(self.pos).min(self.buf.len() as u64);
        let want = usize::try_from(want).unwrap_or(self.buf.len());
        if want == 0 {
            return Ok(0);
        }
        let n = loop {
            match read_at(&self.file, &mut self.buf[..want], self.pos) {
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.start = 0;
        self.filled = n;
        self.pos += n as u64;
        Ok(n)
    }
}

/// Reads into `buf` from `offset` of `file` without moving a position
/// another reader of the same file relies on.
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

/// Reads into `buf` from `offset` of `file` (Windows moves the file's
/// position too, but every read here says where it reads).
#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}
