//! Counts in words: "1 problem", "3 problems".

/// `n` followed by `what`, with an "s" unless `n` is 1 ("1 day",
/// "0 days"). Only for nouns whose plural is a plain "s".
pub fn counted(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(counted(1, "day"), "1 day");
        assert_eq!(counted(0, "day"), "0 days");
        assert_eq!(counted(12, "problem"), "12 problems");
    }
}
