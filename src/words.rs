//! Small helpers for writing counts in English.

/// "1 error", "2 errors", "3 matches".
pub fn plural(n: usize, word: &str) -> String {
    let suffix = if n == 1 {
        ""
    } else if word.ends_with("ch") || word.ends_with('s') {
        "es"
    } else {
        "s"
    };
    format!("{n} {word}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(0, "warning"), "0 warnings");
        assert_eq!(plural(2, "match"), "2 matches");
    }
}
