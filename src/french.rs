//! French formatting, as a reader of a French newspaper expects it.

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// An ISO date (`2024-05-22`) written out in French: « 22 mai 2024 », « 1er mai 2024 ».
/// The spaces are no-break spaces so the date never splits across lines.
/// Returns `None` for anything that is not a valid calendar date.
pub fn long_date(iso: &str) -> Option<String> {
    let mut parts = iso.splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let year: u32 = year.parse().ok()?;
    let month: u32 = month.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let day = if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    };
    Some(format!(
        "{day}\u{a0}{}\u{a0}{year}",
        MONTHS[month as usize - 1]
    ))
}

/// A whole number with its thousands separated by narrow no-break spaces: « 18 400 ».
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::{long_date, number};

    #[test]
    fn numbers_group_thousands_with_narrow_spaces() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1\u{202f}000");
        assert_eq!(number(18400), "18\u{202f}400");
        assert_eq!(number(1234567), "1\u{202f}234\u{202f}567");
    }

    #[test]
    fn dates_are_written_out() {
        assert_eq!(long_date("2024-05-22").unwrap(), "22\u{a0}mai\u{a0}2024");
        assert_eq!(
            long_date("2023-11-09").unwrap(),
            "9\u{a0}novembre\u{a0}2023"
        );
        assert_eq!(long_date("2024-08-15").unwrap(), "15\u{a0}août\u{a0}2024");
    }

    #[test]
    fn the_first_of_the_month_is_premier() {
        assert_eq!(long_date("2024-05-01").unwrap(), "1er\u{a0}mai\u{a0}2024");
    }

    #[test]
    fn leap_days() {
        assert!(long_date("2024-02-29").is_some());
        assert!(long_date("2023-02-29").is_none());
        assert!(long_date("1900-02-29").is_none());
        assert!(long_date("2000-02-29").is_some());
    }

    #[test]
    fn invalid_dates_are_refused() {
        for bad in [
            "",
            "2024",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2024-5-2",
            "24-05-22",
            "2024-05-22T10:00",
            "aaaa-bb-cc",
        ] {
            assert_eq!(long_date(bad), None, "{bad}");
        }
    }
}
