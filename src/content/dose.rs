//! Plain-language descriptions of a dose, for cards, lists and print-outs.

use super::model::{Dose, Sides};

impl Dose {
    /// A full sentence-like line for a card, e.g.
    /// "Hold 10 s · 3 times on each side · 2 sets".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(hold) = self.hold_secs {
            parts.push(if self.hold_as_comfortable {
                format!("Hold about {hold} s, or as long as comfortable")
            } else {
                format!("Hold {hold} s")
            });
        }
        let times = match self.reps {
            1 => "once".to_owned(),
            n => format!("{n} times"),
        };
        let side = match self.sides {
            Sides::None => "",
            Sides::Both => " on each side",
            Sides::Left => " on the left",
            Sides::Right => " on the right",
        };
        parts.push(format!("{times}{side}"));
        if self.sets > 1 {
            parts.push(format!("{} sets", self.sets));
        }
        parts.join(" · ")
    }

    /// A compact form for tables, e.g. "10 s · 3× each side · 2 sets".
    pub fn short(&self) -> String {
        let hold = self.hold_secs.map(u64::from);
        compact(
            hold,
            self.hold_as_comfortable,
            self.reps,
            self.sides,
            self.sets,
        )
    }
}

/// The compact dose shared by tables and the session screen: "10 s" (with
/// "+" when it may be held longer), "3× each side", and sets when more
/// than one.
pub fn compact(hold_secs: Option<u64>, longer: bool, reps: u32, sides: Sides, sets: u32) -> String {
    let mut parts = Vec::new();
    if let Some(hold) = hold_secs {
        let more = if longer { "+" } else { "" };
        parts.push(format!("{hold} s{more}"));
    }
    let side = match sides {
        Sides::None => "",
        Sides::Both => " each side",
        Sides::Left => " left",
        Sides::Right => " right",
    };
    parts.push(format!("{reps}×{side}"));
    if sets > 1 {
        parts.push(format!("{sets} sets"));
    }
    parts.join(" · ")
}
