//! What a search looks for: smart case, as in vim and less. A query in lower case matches
//! any case; one with a capital letter matches as typed.

use std::ops::Range;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needle {
    /// The query as typed, or folded to lower case when the search ignores case.
    text: String,
    case_sensitive: bool,
}

impl Needle {
    pub fn new(query: &str) -> Self {
        let case_sensitive = query.chars().any(char::is_uppercase);
        let text = if case_sensitive {
            query.to_owned()
        } else {
            query.to_lowercase()
        };
        Self {
            text,
            case_sensitive,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn matches(&self, haystack: &str) -> bool {
        if self.text.is_empty() {
            return false;
        }
        if self.case_sensitive {
            haystack.contains(&self.text)
        } else {
            super::contains_folded(haystack, &self.text)
        }
    }

    /// The byte ranges of `haystack` the needle covers, left to right, not overlapping.
    pub fn find_all(&self, haystack: &str) -> Vec<Range<usize>> {
        if self.text.is_empty() || !self.matches(haystack) {
            return Vec::new();
        }
        if self.case_sensitive {
            return haystack
                .match_indices(&self.text)
                .map(|(start, m)| start..start + m.len())
                .collect();
        }
        if haystack.is_ascii() && self.text.is_ascii() {
            let (hay, needle) = (haystack.as_bytes(), self.text.as_bytes());
            let mut found = Vec::new();
            let mut at = 0;
            while at + needle.len() <= hay.len() {
                if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
                    found.push(at..at + needle.len());
                    at += needle.len();
                } else {
                    at += 1;
                }
            }
            return found;
        }
        // Folding can change a character's length, so each start is tried on the
        // folded text of what follows it, and mapped back to the original's bytes.
        let mut found = Vec::new();
        let mut starts = haystack.char_indices().peekable();
        while let Some((start, _)) = starts.next() {
            let mut folded = String::new();
            let mut end = start;
            for (i, c) in haystack[start..].char_indices() {
                folded.extend(c.to_lowercase());
                end = start + i + c.len_utf8();
                if folded.len() >= self.text.len() {
                    break;
                }
            }
            if folded == self.text {
                found.push(start..end);
                while starts.peek().is_some_and(|(i, _)| *i < end) {
                    starts.next();
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_matches_any_case_and_a_capital_only_itself() {
        assert!(Needle::new("redeploy").matches("Redeployment"));
        assert!(Needle::new("Redeploy").matches("Redeployment"));
        assert!(!Needle::new("Redeploy").matches("will redeploy"));
        assert!(Needle::new("моск").matches("Москва"));
        assert!(!Needle::new("").matches("anything"));
    }

    #[test]
    fn finds_every_match_by_byte_range() {
        let needle = Needle::new("ab");
        assert_eq!(needle.find_all("xAbyab"), vec![1..3, 4..6]);
        assert_eq!(
            Needle::new("мо").find_all("Москва мост"),
            vec![0..4, 13..17]
        );
        assert_eq!(Needle::new("东京").find_all("在东京"), vec![3..9]);
    }
}
