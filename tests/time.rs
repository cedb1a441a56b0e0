//! Save times written for people.

use aixa::core::time::when;

#[test]
fn an_iso_time_reads_to_the_minute_in_utc() {
    assert_eq!(when("2026-11-25T21:44:39.123Z"), "2026-11-25 21:44 UTC");
    assert_eq!(when("2027-01-02T03:04:05Z"), "2027-01-02 03:04 UTC");
}

#[test]
fn no_time_is_unknown() {
    assert_eq!(when(""), "unknown");
}

#[test]
fn a_time_from_an_edited_file_never_panics() {
    assert_eq!(when("2026-11"), "2026-11  UTC");
    // The tenth byte falls inside "é": shown whole rather than cut there.
    assert_eq!(when("2026-11-2é"), "2026-11-2é  UTC");
    assert_eq!(when("2026-11-25T21:4€"), "2026-11-25  UTC");
}
