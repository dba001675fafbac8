//! What a deadline phrase means: its date against the plan's year, whether it is a
//! continuing task, whether a cell is one, and the deadline inside a task's text.

use chrono::NaiveDate;

use super::scan::scan;

/// Words that make a deadline continuing rather than dated.
const ONGOING_WORDS: [&str; 6] = [
    "持续推进",
    "长期坚持",
    "长期推进",
    "常态化",
    "全年",
    "持续开展",
];

/// What a deadline phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeadlineReading {
    /// The last day the deadline allows, when a year is known.
    pub date: Option<NaiveDate>,
    /// The phrase names a continuing task (持续推进…).
    pub ongoing: bool,
}

/// Reads a deadline phrase (a deadline cell or label value) against the plan's year.
pub fn read(phrase: &str, plan_year: Option<i32>) -> DeadlineReading {
    let ongoing = ONGOING_WORDS.iter().any(|w| phrase.contains(w));
    let date = scan(phrase, plan_year).into_iter().map(|f| f.date).max();
    DeadlineReading { date, ongoing }
}

/// Whether a whole cell is a deadline statement (`6月底前`, `持续推进`, `2022年7月底前完成`).
pub fn is_deadline_cell(cell: &str) -> bool {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() || compact.chars().count() > 30 || compact.contains('。') {
        return false;
    }
    if ONGOING_WORDS.iter().any(|w| compact.starts_with(w)) {
        return true;
    }
    let found = scan(&compact, Some(2000));
    found.first().is_some_and(|f| f.start == 0)
}

/// The latest deadline phrase inside a task's own text (`并于9月底前报办公室备案` →
/// `9月底前`): a date followed by 前, 底, 末, 旬 or 完成. A bare year is no deadline.
pub fn find_in_text(text: &str) -> Option<&str> {
    let found = scan(text, Some(2000))
        .into_iter()
        .filter(|f| f.deadline_like)
        .max_by_key(|f| (f.date, f.end))?;
    text.get(found.start..found.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn the_issue_rules_read_as_listed() {
        let cases = [
            ("2022年7月底前完成", Some("2022-07-31"), false),
            ("2020年10月30日前", Some("2020-10-30"), false),
            ("9月底前", Some("2021-09-30"), false),
            ("年底前", Some("2021-12-31"), false),
            ("上半年", Some("2021-06-30"), false),
            ("第三季度", Some("2021-09-30"), false),
            ("10月上旬", Some("2021-10-10"), false),
            ("10月中旬", Some("2021-10-20"), false),
            ("2月下旬", Some("2021-02-28"), false),
            ("6 月底", Some("2021-06-30"), false),
            ("持续推进", None, true),
            ("长期坚持", None, true),
            ("常态化", None, true),
            ("全年", None, true),
            ("2022年7月底前完成,并持续推进", Some("2022-07-31"), true),
            ("202011月底前", Some("2020-11-30"), false),
            ("2020610日", Some("2020-06-10"), false),
        ];
        for (phrase, expected, ongoing) in cases {
            let reading = read(phrase, Some(2021));
            assert_eq!(reading.date, expected.and_then(date), "{phrase}");
            assert_eq!(reading.ongoing, ongoing, "{phrase}");
        }
    }

    #[test]
    fn without_a_plan_year_only_written_years_give_dates() {
        assert_eq!(read("9月底前", None).date, None);
        assert_eq!(read("2023年9月底前", None).date, date("2023-09-30"));
    }

    #[test]
    fn deadlines_in_task_text_need_a_deadline_word() {
        assert_eq!(
            find_in_text("各部门要依法确定负责人,并于9月底前报办公室备案。"),
            Some("9月底前")
        );
        assert_eq!(find_in_text("推进2022年北京冬奥会信息公开"), None);
        assert_eq!(find_in_text("年底前基本实现全覆盖"), Some("年底前"));
        assert_eq!(find_in_text("2020年底前全面建成平台"), Some("2020年底前"));
        assert_eq!(
            find_in_text("6月底前完成梳理,12月底前全部公开"),
            Some("12月底前")
        );
        assert_eq!(
            find_in_text("220201030日前,编制完成"),
            Some("220201030日前")
        );
    }

    #[test]
    fn cells_are_recognised_as_deadlines() {
        for cell in [
            "6月底前",
            "持续推进",
            "2022年12月底前完成,并持续推进",
            "年底前",
        ] {
            assert!(is_deadline_cell(cell), "{cell}");
        }
        for cell in [
            "区政府办公室",
            "2022年,全区行政规范性文件解读率达到90%以上。",
            "",
        ] {
            assert!(!is_deadline_cell(cell), "{cell}");
        }
    }

    #[test]
    fn arbitrary_text_does_not_panic() {
        for text in [
            "年",
            "月底",
            "9999999999月",
            "２０２２年１月底",
            "第",
            "第五季度",
            "1月32日前",
        ] {
            let _ = read(text, Some(2022));
            let _ = find_in_text(text);
            let _ = is_deadline_cell(text);
        }
    }
}
