//! The validated date: strict parsing, real calendar days, printing that
//! reads back, and the dashboard's reviews due compared as dates.

use aixa::core::date::Date;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("{s:?} is a date"))
}

#[test]
fn anchors_count_from_1970() {
    assert_eq!(day("1970-01-01").unix_days(), 0);
    assert_eq!(day("1969-12-31").unix_days(), -1);
    assert_eq!(day("2000-01-01").unix_days(), 10_957);
    assert_eq!(day("2024-10-04").unix_days(), 20_000);
    assert_eq!(Date::MIN.to_string(), "0000-01-01");
    assert_eq!(Date::MAX.to_string(), "9999-12-31");
    assert_eq!(Date::MIN, day("0000-01-01"));
    assert_eq!(Date::MAX, day("9999-12-31"));
}

#[test]
fn leap_years_follow_the_gregorian_rule() {
    for leap in ["2024", "2000", "1600", "0000", "9996"] {
        let text = format!("{leap}-02-29");
        assert_eq!(day(&text).to_string(), text);
        assert_eq!(
            day(&text).unix_days() + 1,
            day(&format!("{leap}-03-01")).unix_days()
        );
    }
    for common in ["2026", "2023", "1900", "2100", "1700", "9999"] {
        let text = format!("{common}-02-29");
        assert_eq!(Date::parse(&text), None, "{text}");
        assert_eq!(
            day(&format!("{common}-02-28")).unix_days() + 1,
            day(&format!("{common}-03-01")).unix_days()
        );
    }
}

#[test]
fn every_month_ends_on_its_last_day() {
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (year, february) in [(2026, 28), (2024, 29)] {
        for (i, &len) in lengths.iter().enumerate() {
            let m = i + 1;
            let len = if m == 2 { february } else { len };
            let last = day(&format!("{year}-{m:02}-{len:02}"));
            assert_eq!(Date::parse(&format!("{year}-{m:02}-{:02}", len + 1)), None);
            let next = if m == 12 {
                format!("{}-01-01", year + 1)
            } else {
                format!("{year}-{:02}-01", m + 1)
            };
            assert_eq!(last.unix_days() + 1, day(&next).unix_days(), "{last}");
        }
    }
}

#[test]
fn anything_but_a_strict_real_date_is_refused() {
    for bad in [
        "",
        "2026-02-29",
        "2026-13-01",
        "2026-00-01",
        "2026-01-00",
        "2026-01-32",
        "2026-04-31",
        "2026-1-1",
        "2026-01-1",
        "26-01-01",
        "02026-01-01",
        "2026-01-01x",
        " 2026-01-01",
        "2026-01-01 ",
        "2026/01/01",
        "2026-01-01T00:00:00Z",
        "+026-01-01",
        "-001-01-01",
        "2026-0a-01",
        "2026-01-0٣",
        "２０２６-01-01",
        "yyyy-mm-dd",
    ] {
        assert_eq!(Date::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn every_day_round_trips_and_orders_as_its_text() {
    let mut previous: Option<(Date, String)> = None;
    for days in Date::MIN.unix_days()..=Date::MAX.unix_days() {
        let d = Date::from_unix_days(days).unwrap_or_else(|| panic!("{days} is in range"));
        let text = d.to_string();
        assert_eq!(Date::parse(&text), Some(d), "{text}");
        assert_eq!(d.unix_days(), days);
        if let Some((p, p_text)) = &previous {
            assert!(*p < d && *p_text < text, "{p_text} then {text}");
        }
        previous = Some((d, text));
    }
}

#[test]
fn days_outside_four_digit_years_are_not_dates() {
    assert_eq!(Date::from_unix_days(Date::MIN.unix_days() - 1), None);
    assert_eq!(Date::from_unix_days(Date::MAX.unix_days() + 1), None);
    assert_eq!(Date::from_unix_days(i64::MIN), None);
    assert_eq!(Date::from_unix_days(i64::MAX), None);
    assert_eq!(Date::from_unix_days(0), Some(day("1970-01-01")));
}

// wasm32 has no std clock, so no today_utc.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn today_is_the_system_clocks_day() {
    let clock = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400)
    };
    let before = clock();
    let today = Date::today_utc().unix_days();
    let after = clock();
    assert!(
        (before..=after).contains(&u64::try_from(today).unwrap_or(0)),
        "{today}"
    );
    assert!(Date::today_utc() > day("2025-01-01"));
}

#[test]
fn reviews_compare_as_dates_and_a_non_date_is_due() {
    use aixa::core::dashboard::review_due;
    let today = Date::parse("2026-03-01");
    assert!(review_due("2026-02-28", today));
    assert!(review_due("2026-03-01", today));
    assert!(!review_due("2026-03-02", today));
    assert!(!review_due("2027-01-01", today));
    // Not set: nothing to review.
    assert!(!review_due("", today));
    // Set but unreadable: shown rather than hidden.
    for text in ["next quarter", "2026-02-30", "2026-3-1", "2099-01-01 "] {
        assert!(review_due(text, today), "{text:?}");
    }
    assert!(review_due("2026-03-02", None));
}
