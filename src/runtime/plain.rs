//! The plain front-end (`--plain`): the same `update` as the full-screen
//! app, driven by lines instead of keys and shown as lines instead of
//! frames. No alternate screen, no cursor movement, no colour: not one
//! escape byte on stdout, so it reads well in a pipe, a log or a screen
//! reader. Stdin may be a terminal, a pipe or a file: a reader thread
//! sends its lines into the one channel, beside signals and workers.
//!
//! After each update the renderer prints what changed (a new beat, a
//! question, a notice); each line read is mapped to the intents it
//! stands for at the current spot. Plain mode adds no rule of its own.

mod answer;
mod input;
mod render;
mod safety_lines;
mod session_lines;
mod spot;
mod therapy_lines;

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use super::reread::Reread;
use super::{now, perform, signals, speech};
use crate::app::{self, App, Cmd, Drawn, Intent, Msg, Opening, Outcome};
use crate::domain::session::Phase;
use crate::store::Store;
use crate::text::safe;

pub use answer::{Answer, HOME, answer};
pub use input::{Input, MAX_LINE, read_line};
pub use render::{LONG_HOLD, Printed, lines};
pub use spot::Spot;

/// What plain mode was asked to run, which says when it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// `--plain session [ROUTINE_ID]`: done at the end of the session.
    Session,
    /// `--plain timer MODE`: done once the pack is off.
    Timer,
    /// `--plain release [TECHNIQUE_ID]`: done when it goes back home.
    Release,
    /// `--plain` alone: the menu, until the user quits.
    Menu,
}

impl Flow {
    /// What a plain run opened on `opening` is for.
    pub fn of(opening: Option<&Opening>) -> Flow {
        match opening {
            Some(Opening::Routine(_) | Opening::Routines) => Flow::Session,
            Some(Opening::Timer(..)) => Flow::Timer,
            Some(Opening::Release(_)) => Flow::Release,
            Some(Opening::Warnings) | None => Flow::Menu,
        }
    }
}

/// What wakes the plain loop.
enum Wake {
    /// A line of stdin, or its end.
    Input(Input),
    /// A signal from the watcher.
    Signal(i32),
    /// The result of work done on a worker thread.
    Outcome(Outcome),
}

/// A line typed at a terminal that answers nothing yet.
const NOT_NOW: &str = "Nothing asks for that now: ! stops for pain, p pauses, n skips the exercise, b goes back, q leaves.";

/// How long the last spoken cue gets to start before the process ends.
const SPEECH_FLUSH: Duration = Duration::from_secs(1);

/// More automatic steps than this in a row means a screen plain mode
/// cannot leave: stop rather than spin.
const MAX_AUTO_STEPS: u32 = 16;

/// Runs `app` as a line-by-line dialogue until `flow` is done, the user
/// quits, input ends, or a signal ends it.
pub fn run(app: App, store: &Store, flow: Flow) -> io::Result<ExitCode> {
    let (tx, rx) = mpsc::channel();
    // The full-screen app's signals: the ending ones (a session in progress
    // is recorded first), Ctrl-Z and the continue after it.
    signals::watch(&super::WATCHED, tx.clone(), Wake::Signal, None)?;
    input::read_lines(tx.clone(), Wake::Input)?;
    let mut plain = Plain {
        app,
        store,
        flow,
        tx,
        printed: Printed::default(),
        queue: VecDeque::new(),
        input_ended: false,
        was_on: false,
        bell: io::stdout().is_terminal(),
        script: !io::stdin().is_terminal(),
        reread: Reread::new(store),
    };
    let result = plain.run_loop(&rx);
    if result.is_err() {
        plain.end();
    }
    speech::flush(SPEECH_FLUSH);
    result
}

struct Plain<'a> {
    app: App,
    store: &'a Store,
    flow: Flow,
    tx: Sender<Wake>,
    printed: Printed,
    /// Lines read and not used yet, then possibly the end of input.
    queue: VecDeque<Input>,
    input_ended: bool,
    /// A pack has been on during this run.
    was_on: bool,
    /// Stdout is a terminal: the bell is rung there.
    bell: bool,
    /// Stdin is not a terminal: its lines are a script of answers.
    script: bool,
    /// Changes made elsewhere to the schedule, quiet and preferences.
    reread: Reread,
}

impl Plain<'_> {
    fn run_loop(&mut self, rx: &Receiver<Wake>) -> io::Result<ExitCode> {
        let mut msgs: VecDeque<Msg> = VecDeque::from([Outcome::Started.into()]);
        let mut autos = 0;
        loop {
            while let Some(msg) = msgs.pop_front() {
                if matches!(msg, Msg::Key(_)) {
                    self.printed.keyed();
                }
                for cmd in app::update(&mut self.app, msg, now()) {
                    if let Some(outcome) = self.perform(cmd)? {
                        msgs.push_back(outcome.into());
                    }
                }
            }
            if self.app.quit {
                return Ok(ExitCode::SUCCESS);
            }
            self.was_on |= self.app.therapy.pack_on();
            let notice = render::notice(&mut self.printed, &self.app);
            self.print(&notice.into_iter().collect::<Vec<_>>())?;
            if self.done_before(&Spot::of(&self.app, now())) {
                return Ok(ExitCode::SUCCESS);
            }
            let before = self.printed.spot.clone();
            let lines = render::lines(&mut self.printed, &self.app, now());
            self.print(&lines)?;
            let alert = self.printed.spot == Some(Spot::Alert);
            if alert && before != Some(Spot::Alert) {
                // Only an answer read once the alarm is out takes the pack off.
                self.queue.retain(|input| *input == Input::End);
            }
            let drawn = Drawn {
                alert_shown: alert,
                ..Drawn::default()
            };
            if drawn != self.app.drawn() {
                msgs.push_back(Outcome::Drawn(drawn).into());
                continue;
            }
            if let Some(code) = self.finished()? {
                return Ok(code);
            }
            if let Some(intents) = self.auto() {
                autos += 1;
                if autos > MAX_AUTO_STEPS {
                    return Err(io::Error::other("plain mode cannot show this screen"));
                }
                msgs.extend(intents.into_iter().map(Msg::from));
                continue;
            }
            autos = 0;
            if let Some(next) = self.next_answer()? {
                msgs.extend(next);
                continue;
            }
            let wake = self.wait(rx);
            // Before a line or a wake-up is handled: what others changed
            // (`config set`, `standup`, `quiet`), as the full-screen app.
            if wake.is_some() {
                msgs.extend(self.reread.look(self.store).into_iter().map(Msg::from));
            }
            match wake {
                Some(Wake::Input(input)) => self.queue.push_back(input),
                Some(Wake::Signal(signals::SIGTSTP)) => msgs.push_back(Intent::Suspend.into()),
                Some(Wake::Signal(signals::SIGCONT)) => msgs.push_back(Outcome::Resumed.into()),
                Some(Wake::Signal(signal)) => {
                    self.end();
                    return Ok(ExitCode::from(signals::exit_code(signal)));
                }
                Some(Wake::Outcome(Outcome::SpeechUnavailable(reason))) => {
                    let line = format!("backcoach: spoken cues are unavailable: {reason}");
                    let _ = writeln!(io::stderr(), "{}", safe::shown(&line));
                }
                Some(Wake::Outcome(outcome)) => msgs.push_back(outcome.into()),
                // Every sender is gone: nothing can wake the loop again.
                None => return Ok(ExitCode::FAILURE),
            }
        }
    }

    /// Sleeps until something arrives or the next moment the model
    /// changes by itself (a tick).
    fn wait(&self, rx: &Receiver<Wake>) -> Option<Wake> {
        match app::next_wakeup(&self.app, now()) {
            None => rx.recv().ok(),
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(wake) => Some(wake),
                Err(RecvTimeoutError::Timeout) => Some(Wake::Outcome(Outcome::Tick)),
                Err(RecvTimeoutError::Disconnected) => None,
            },
        }
    }

    /// The exit code once the run is over, after the spot's lines: the
    /// session asked for has ended (never with a pack on), or input has
    /// ended and the alarm has rung with nobody to answer it.
    fn finished(&mut self) -> io::Result<Option<ExitCode>> {
        if self.app.therapy.pack_on() {
            let rung = self
                .app
                .therapy
                .alert
                .as_ref()
                .is_some_and(|alert| alert.next_bell.is_none() || !self.bell);
            if self.input_ended && rung {
                self.print(&[
                    "Input has ended, so nobody can answer here: take the pack off now. backcoach shows this alarm again when it next opens.",
                ])?;
                return Ok(Some(ExitCode::SUCCESS));
            }
            return Ok(None);
        }
        let ended = matches!(
            self.printed.spot,
            Some(Spot::Summary { offered: false } | Spot::SessionHurt { offered: false })
        );
        Ok((self.flow == Flow::Session && ended).then_some(ExitCode::SUCCESS))
    }

    /// The flow asked for is over before `spot` is printed: it came back
    /// home, or the pack it put on is off (the menu after it is not
    /// news). Never with a pack on.
    fn done_before(&self, spot: &Spot) -> bool {
        if self.app.therapy.pack_on() {
            return false;
        }
        match self.flow {
            Flow::Menu => false,
            Flow::Timer if self.was_on => true,
            Flow::Session | Flow::Timer | Flow::Release => *spot == Spot::Home,
        }
    }

    /// Steps taken without an answer: through a routine's preview, back
    /// from a screen plain mode does not show, on from a session's end.
    fn auto(&self) -> Option<Vec<Intent>> {
        match self.printed.spot.as_ref()? {
            Spot::Preview | Spot::Elsewhere => Some(vec![Intent::Back]),
            Spot::Summary { offered: false } | Spot::SessionHurt { offered: false } => {
                Some(vec![Intent::Select])
            }
            _ => None,
        }
    }

    /// The next line read, as messages. From a terminal a line is meant
    /// for now: one that answers nothing now is dropped with a hint. From
    /// a pipe or a file the lines are a script, taken in order: one that
    /// answers a later question (an empty line or a number during a hold)
    /// waits for it, and so does everything behind it. Either way `!`
    /// never waits behind another line.
    fn next_answer(&mut self) -> io::Result<Option<Vec<Msg>>> {
        let Some(spot) = self.printed.spot.clone() else {
            return Ok(None);
        };
        let bang = |input: &Input| matches!(input, Input::Line(l) if l.trim() == "!");
        let at = match self.queue.iter().position(bang) {
            Some(at) if spot.takes_hurt() => at,
            _ => 0,
        };
        let Some(input) = self.queue.get(at) else {
            return Ok(None);
        };
        let Input::Line(line) = input else {
            self.queue.remove(at);
            return self.input_end().map(Some);
        };
        let hint = match answer(&spot, line, &self.app) {
            Answer::Later if self.script => return Ok(None),
            // From a script, an empty line answers a question that needs
            // it (a step without a hold, the check-out): a rating on
            // offer passes by itself.
            Answer::Intents(i) if self.script && i == [Intent::Rate(None)] => return Ok(None),
            Answer::Later => NOT_NOW,
            Answer::Intents(intents) => {
                self.queue.remove(at);
                return Ok(Some(intents.into_iter().map(Msg::from).collect()));
            }
            Answer::Hint(hint) => hint,
        };
        self.queue.remove(at);
        self.print(&[hint])?;
        Ok(Some(Vec::new()))
    }

    /// Stdin has ended. With no pack on, the run ends as a quit would
    /// (a session in progress is recorded as abandoned); with a pack on,
    /// the timer carries on to its alarm and a session is left.
    fn input_end(&mut self) -> io::Result<Vec<Msg>> {
        self.input_ended = true;
        let phase = self
            .app
            .session
            .as_ref()
            .filter(|s| s.outcome.is_none())
            .map(|s| s.phase);
        if !self.app.therapy.pack_on() {
            let started = phase.is_some_and(|p| p != Phase::CheckIn);
            self.print(&[if started {
                "Input ended: the session goes into your history as abandoned."
            } else {
                "Input ended."
            }])?;
            return Ok(vec![Outcome::Ending.into()]);
        }
        self.print(&["Input ended: the heat/cold timer carries on to its alarm."])?;
        let leave: &[Intent] = match phase {
            Some(Phase::Running) => &[Intent::Back, Intent::Select],
            Some(Phase::Confirm) => &[Intent::Select],
            Some(Phase::CheckIn | Phase::CheckOut) => &[Intent::Back],
            _ => &[],
        };
        Ok(leave.iter().map(|&i| Msg::from(i)).collect())
    }

    fn perform(&mut self, cmd: Cmd) -> io::Result<Option<Outcome>> {
        let tx = self.tx.clone();
        let report = move |outcome| {
            let _ = tx.send(Wake::Outcome(outcome));
        };
        Ok(match perform::shared(cmd, &self.app, self.store, report) {
            Ok(outcome) => outcome,
            Err(Cmd::Bell) => {
                if self.bell {
                    let mut out = io::stdout().lock();
                    out.write_all(b"\x07")?;
                    out.flush()?;
                }
                None
            }
            Err(Cmd::Suspend) => {
                #[cfg(unix)]
                signals::stop_self()?;
                Some(Outcome::Resumed)
            }
            // Terminal notifications are escape sequences: never here.
            Err(_) => None,
        })
    }

    /// The process ends without the user quitting (a signal, an output
    /// error): a session in progress is recorded; errors are ignored.
    fn end(&mut self) {
        if self.app.quit {
            return;
        }
        for cmd in app::update(&mut self.app, Outcome::Ending, now()) {
            let _ = self.perform(cmd);
        }
    }

    /// Writes lines to stdout, each made safe to show.
    fn print(&self, lines: &[impl AsRef<str>]) -> io::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        for line in lines {
            writeln!(out, "{}", safe::shown(line.as_ref()))?;
        }
        out.flush()
    }
}
