//! Calendar dates as assessments write them: strict `YYYY-MM-DD`.
//!
//! Hand-rolled rather than a date crate: the app needs parsing, printing and
//! ordering of whole days only, and every kilobyte counts in the wasm.

use std::fmt;

/// A real day of the proleptic Gregorian calendar in years 0000–9999, held as
/// days since 1970-01-01.
///
/// The range is what four year digits can write, so every `Date` prints as a
/// text that [`Date::parse`] reads back to the same day, and the order of
/// dates is the order of their texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i64);

impl Date {
    /// 0000-01-01.
    pub const MIN: Date = Date(day_number(0, 1, 1));
    /// 9999-12-31.
    pub const MAX: Date = Date(day_number(9999, 12, 31));

    /// A strict `YYYY-MM-DD` that names a real day; `None` for anything else,
    /// including surrounding spaces and single-digit months or days.
    pub fn parse(s: &str) -> Option<Date> {
        let b: [u8; 10] = s.as_bytes().try_into().ok()?;
        let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = b else {
            return None;
        };
        let num = |digits: &[u8]| {
            digits.iter().try_fold(0i64, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
            })
        };
        let (y, m, d) = (num(&[y0, y1, y2, y3])?, num(&[m0, m1])?, num(&[d0, d1])?);
        if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date(day_number(y, m, d)))
    }

    /// The day `days` after 1970-01-01 (before it when negative), as the
    /// system clock counts; `None` outside [`Date::MIN`]..=[`Date::MAX`].
    pub fn from_unix_days(days: i64) -> Option<Date> {
        (Self::MIN.0..=Self::MAX.0)
            .contains(&days)
            .then_some(Date(days))
    }

    /// Days since 1970-01-01.
    pub fn unix_days(self) -> i64 {
        self.0
    }

    /// Today in UTC by the system clock. Not on wasm32, where there is no
    /// std clock: the UI passes the browser's date in instead.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> Date {
        // A clock before 1970 or past 9999 is broken; the nearest day the
        // type holds keeps "reviews due" working rather than failing.
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX);
        Date(days.clamp(Self::MIN.0, Self::MAX.0))
    }
}

impl fmt::Display for Date {
    /// The inverse of [`day_number`] (H. Hinnant's `civil_from_days`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`). `const` so the
/// bounds above are written as the days they are.
const fn day_number(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
