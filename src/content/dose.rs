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
        let mut parts = Vec::new();
        if let Some(hold) = self.hold_secs {
            let more = if self.hold_as_comfortable { "+" } else { "" };
            parts.push(format!("{hold} s{more}"));
        }
        let side = match self.sides {
            Sides::None => "",
            Sides::Both => " each side",
            Sides::Left => " left",
            Sides::Right => " right",
        };
        parts.push(format!("{}×{side}", self.reps));
        if self.sets > 1 {
            parts.push(format!("{} sets", self.sets));
        }
        parts.join(" · ")
    }
}
