//! Reading a history log backwards, from its end, a block at a time: for
//! start-up, which needs only the recent records, and for the latest
//! record of a kind. A line longer than [`MAX_LINE_BYTES`] is handed out
//! without its text, never held.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

use super::history_lines::MAX_LINE_BYTES;
use super::history_read::BLOCK;

/// A line read backwards: where it starts, its text without the `\n`
/// (`None` when too long to keep) and whether it has one.
pub type Back<'a> = (u64, Option<&'a [u8]>, bool);

/// The lines of a file from its end.
pub struct Backwards<'f> {
    file: &'f File,
    /// `buf` holds the file's bytes from `pos` on.
    pos: u64,
    buf: Vec<u8>,
    /// Lines not handed out yet lie in `buf[..end]`.
    end: usize,
    /// Lines handed out so far.
    handed: usize,
    /// The file does not end with `\n`: its last line is unfinished.
    last_unended: bool,
    /// The line being gathered is over [`MAX_LINE_BYTES`]: only its start
    /// is looked for.
    too_long: bool,
    done: bool,
}

impl<'f> Backwards<'f> {
    /// The lines of `file`, whose first `len` bytes are read.
    pub fn new(file: &'f File, len: u64) -> Backwards<'f> {
        Backwards {
            file,
            pos: len,
            buf: Vec::new(),
            end: 0,
            handed: 0,
            last_unended: false,
            too_long: false,
            done: len == 0,
        }
    }

    /// The line before the last one handed out.
    pub fn previous(&mut self) -> io::Result<Option<Back<'_>>> {
        if self.done {
            return Ok(None);
        }
        if self.handed == 0 && self.buf.is_empty() {
            self.read_block()?;
            self.last_unended = self.buf.last() != Some(&b'\n');
            self.end = self.buf.len() - usize::from(!self.last_unended);
        }
        loop {
            if let Some(newline) = memchr::memrchr(b'\n', &self.buf[..self.end]) {
                return Ok(Some(self.hand_out(newline + 1)));
            }
            if self.pos == 0 {
                self.done = true;
                return Ok(Some(self.hand_out(0)));
            }
            self.read_block()?;
        }
    }

    /// Hands out `buf[start..end]`.
    fn hand_out(&mut self, start: usize) -> Back<'_> {
        let ended = !(self.handed == 0 && self.last_unended);
        let text = (!std::mem::take(&mut self.too_long)).then_some(&self.buf[start..self.end]);
        self.handed += 1;
        self.end = start.saturating_sub(1);
        (self.pos + start as u64, text, ended)
    }

    /// Reads the block before `pos`, keeping of what was read only the
    /// start of the line being gathered (nothing once it is too long).
    fn read_block(&mut self) -> io::Result<()> {
        let start = self.pos.saturating_sub(BLOCK as u64);
        let size = usize::try_from(self.pos - start).unwrap_or(BLOCK);
        let mut block = vec![0; size];
        let mut file = self.file;
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut block)?;
        if self.end > MAX_LINE_BYTES {
            self.too_long = true;
        }
        let kept = if self.too_long { 0 } else { self.end };
        block.extend_from_slice(&self.buf[..kept]);
        self.buf = block;
        self.end = size + kept;
        self.pos = start;
        Ok(())
    }
}
