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

/// A file size as people read one: "812 bytes", "14 KB", "7.4 MB" (decimal units, as
/// `ls -lh --si` and file managers write them).
pub fn file_size(bytes: u64) -> String {
    const KB: f64 = 1000.0;
    let b = bytes as f64;
    if bytes < 1000 {
        plural(bytes as usize, "byte")
    } else if b < KB * KB {
        format!("{:.0} KB", b / KB)
    } else if b < KB * KB * KB {
        format!("{:.1} MB", b / (KB * KB))
    } else {
        format!("{:.1} GB", b / (KB * KB * KB))
    }
}

#[cfg(test)]
mod tests {
    use super::{file_size, plural};

    #[test]
    fn file_sizes() {
        assert_eq!(file_size(1), "1 byte");
        assert_eq!(file_size(812), "812 bytes");
        assert_eq!(file_size(14_200), "14 KB");
        assert_eq!(file_size(7_392_508), "7.4 MB");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(0, "warning"), "0 warnings");
        assert_eq!(plural(2, "match"), "2 matches");
    }
}
