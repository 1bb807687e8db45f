//! Dates as analysts write them: a day, a month or a year (`2026-03-14`, `2026-03`,
//! `2026`). What reads as one of these is checked against the calendar; anything else
//! ("late 2025", "spring") is free text, allowed and left as written.

/// The days `month` has in `year` of the Gregorian calendar.
pub fn days_in(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, its parts as numbers, whatever
/// they are; `None` for text of any other shape.
pub fn shape(text: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [year] => Some((number(year, 4)?, None, None)),
        [year, month] => Some((number(year, 4)?, Some(number(month, 2)?), None)),
        [year, month, day] => Some((
            number(year, 4)?,
            Some(number(month, 2)?),
            Some(number(day, 2)?),
        )),
        _ => None,
    }
}

/// Why a date shaped like one is not on the calendar, or `None` when it is (or is not
/// shaped like a date at all).
pub fn problem(text: &str) -> Option<&'static str> {
    let (year, month, day) = shape(text)?;
    if year == 0 {
        return Some("the years start at 0001");
    }
    if month.is_some_and(|m| !(1..=12).contains(&m)) {
        return Some("the months run 01 to 12");
    }
    match (month, day) {
        (Some(month), Some(day)) if !(1..=days_in(year, month)).contains(&day) => {
            Some("there is no such day")
        }
        _ => None,
    }
}

/// Where a date falls, for ordering: a month or a year sorts at its start, before the
/// days in it. `None` for free text and for dates the calendar does not have.
pub fn sort_key(text: &str) -> Option<(u32, u32, u32)> {
    let (year, month, day) = shape(text.trim())?;
    problem(text.trim())
        .is_none()
        .then(|| (year, month.unwrap_or(0), day.unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::{problem, sort_key};

    #[test]
    fn dates_that_read_as_dates_are_checked() {
        for fine in [
            "2026",
            "2026-02",
            "2024-02-29",
            "late 2025",
            "spring",
            "2026-Q1",
        ] {
            assert_eq!(problem(fine), None, "{fine}");
        }
        for (bad, why) in [
            ("2026-02-30", "there is no such day"),
            ("2100-02-29", "there is no such day"),
            ("2026-04-31", "there is no such day"),
            ("2026-01-00", "there is no such day"),
            ("2026-13", "the months run 01 to 12"),
            ("2026-00-10", "the months run 01 to 12"),
            ("0000", "the years start at 0001"),
            ("0000-01-01", "the years start at 0001"),
        ] {
            assert_eq!(problem(bad), Some(why), "{bad}");
        }
    }

    #[test]
    fn a_month_or_year_sorts_before_its_days() {
        assert!(sort_key("2026").unwrap() < sort_key("2026-01").unwrap());
        assert!(sort_key("2026-01").unwrap() < sort_key("2026-01-01").unwrap());
        assert!(sort_key("2025-12-31").unwrap() < sort_key("2026").unwrap());
        assert_eq!(sort_key("late 2025"), None);
        assert_eq!(sort_key("2026-02-30"), None);
    }
}
