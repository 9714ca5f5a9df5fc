//! Dates as the content and the CMSs write them (ISO 8601), read as seconds: what the news
//! sitemap and the import's comparisons of modification times need.

/// Seconds since 1970 (UTC) of an ISO 8601 date (`2024-05-22`, midnight UTC) or date and time
/// (`2024-05-22T09:30:00+02:00`, `…Z`, seconds optional).
pub fn unix_seconds(iso: &str) -> Option<i64> {
    let number = |s: Option<&str>| s?.parse::<i64>().ok();
    let (year, month, day) = (
        number(iso.get(0..4))?,
        number(iso.get(5..7))?,
        number(iso.get(8..10))?,
    );
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let Some(time) = iso.get(10..).filter(|t| !t.is_empty()) else {
        return Some(days * 86_400);
    };
    let time = time.strip_prefix('T')?;
    let (hour, minute) = (number(time.get(0..2))?, number(time.get(3..5))?);
    let rest = time.get(5..)?;
    let (second, zone) = match rest.strip_prefix(':') {
        Some(after) => (number(after.get(0..2))?, after.get(2..)?),
        None => (0, rest),
    };
    // Fractions of a second, when written, change nothing here.
    let zone = zone.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match zone {
        "" | "Z" => 0,
        _ => {
            let sign = match zone.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            sign * (number(zone.get(1..3))? * 3600 + number(zone.get(4..6))? * 60)
        }
    };
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_as_seconds_since_1970() {
        assert_eq!(unix_seconds("1970-01-01"), Some(0));
        assert_eq!(unix_seconds("2024-05-22"), Some(1_716_336_000));
        assert_eq!(
            unix_seconds("2024-05-22T09:30:00+02:00"),
            Some(1_716_363_000)
        );
        assert_eq!(unix_seconds("2024-05-22T07:30:00Z"), Some(1_716_363_000));
        assert_eq!(unix_seconds("2024-05-22T07:30Z"), Some(1_716_363_000));
        assert_eq!(
            unix_seconds("2024-02-29T23:00:00-01:00"),
            Some(1_709_251_200)
        );
        for bad in ["", "2024", "2024-13-01", "hier", "2024-05-22 09:30"] {
            assert_eq!(unix_seconds(bad), None, "{bad}");
        }
    }
}
