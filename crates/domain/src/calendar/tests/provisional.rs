//! A year without its notice: the holidays 《全国年节及纪念日放假办法》 fixes are kept,
//! the answer is provisional; the computed festival dates agree with every notice loaded.

use chrono::{Datelike, NaiveDate};

use super::{builtin, day};
use crate::calendar::statutory::{fixed_holidays, lunar, qingming};

#[test]
fn every_loaded_notice_gives_the_festivals_on_the_computed_days() {
    let calendar = builtin();
    for year in calendar.loaded_years() {
        let festivals: [(&str, Option<NaiveDate>); 4] = [
            ("春节", lunar(year, 1, 1)),
            ("清明", qingming(year)),
            ("端午", lunar(year, 5, 5)),
            ("中秋", lunar(year, 8, 15)),
        ];
        for (name, date) in festivals {
            let date = date.unwrap();
            assert!(
                !calendar.is_workday(date).value,
                "{year} {name} {date} is a holiday in the notice"
            );
        }
    }
}

#[test]
fn the_notices_of_2025_and_2026_contain_every_fixed_holiday() {
    let calendar = builtin();
    for year in [2025, 2026] {
        for (date, name) in fixed_holidays(year) {
            assert!(!calendar.is_workday(date).value, "{name} {date}");
        }
    }
}

#[test]
fn a_year_without_its_notice_keeps_the_fixed_holidays_and_says_it_is_provisional() {
    let calendar = builtin();
    let new_year = calendar.is_workday(day("2027-01-01"));
    assert!(
        !new_year.value,
        "元旦 2027 is a Friday, and a holiday by law"
    );
    assert!(new_year.is_provisional());
    for date in ["2027-02-05", "2027-02-08", "2027-05-03", "2027-10-04"] {
        let d = day(date);
        let expected = d.month() == 2;
        assert_eq!(!calendar.is_workday(d).value, expected, "{date}");
    }
    // Twenty working days from 2026-12-21: 元旦 2027 is skipped.
    let due = calendar.add_workdays(day("2026-12-21"), 20);
    assert_eq!(due.value, day("2027-01-19"));
    assert_eq!(due.missing_years, [2027]);
    assert!(
        due.warning_zh().unwrap().contains("放假办法"),
        "{:?}",
        due.warning_zh()
    );
}
