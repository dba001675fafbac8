//! Section 三's request table on random request records: its counts, its display
//! and its identities.

#![allow(clippy::unwrap_used, clippy::expect_used)]
use super::*;
use crate::calendar::parse_date;
use chrono::{Datelike, NaiveDate};

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

/// A small pseudo-random sequence (xorshift), so the test needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn the_display_has_the_25_rows_of_the_2021_format() {
    let table = RequestTable::compute(2025, &random_requests(50, 7));
    let rows = table.display_rows();
    assert_eq!(rows.iter().filter(|r| r.cells.is_some()).count(), 25);
    let headings: Vec<&str> = rows
        .iter()
        .filter(|r| r.cells.is_none())
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "三、本年度办理结果",
            "（三）不予公开",
            "（四）无法提供",
            "（五）不予处理",
            "（六）其他处理"
        ]
    );
    assert_eq!(rows[0].cells, Some(table.received));
    assert_eq!(
        rows.last().and_then(|r| r.cells),
        Some(table.carried_forward)
    );
}

fn random_requests(n: usize, seed: u64) -> Vec<RequestFacts> {
    let mut rng = Rng(seed);
    let start = day("2024-01-01");
    (0..n)
        .map(|_| {
            let received = start + chrono::Days::new(rng.next(731));
            let applicant = ApplicantType::ALL[rng.next(6) as usize];
            let reply = (rng.next(10) < 8).then(|| {
                let date = received + chrono::Days::new(rng.next(60));
                (date, Outcome::ALL[rng.next(21) as usize])
            });
            RequestFacts {
                applicant,
                received,
                reply,
            }
        })
        .collect()
}

#[test]
fn a_thousand_random_requests_over_two_years_satisfy_every_identity_and_count() {
    let requests = random_requests(1_000, 0x9e37_79b9_7f4a_7c15);
    let first = RequestTable::compute(2024, &requests);
    let second = RequestTable::compute(2025, &requests);
    for table in [&first, &second] {
        for identity in table.identities() {
            assert!(identity.holds(), "{} {identity:?}", table.year);
        }
        // Counted independently, cell by cell.
        for applicant in ApplicantType::ALL {
            let of = |r: &&RequestFacts| r.applicant == applicant;
            let year = table.year;
            let received = requests
                .iter()
                .filter(of)
                .filter(|r| r.received.year() == year)
                .count() as u64;
            assert_eq!(table.received.cells()[applicant as usize], received);
            for (outcome, row) in &table.outcomes {
                let counted = requests
                    .iter()
                    .filter(of)
                    .filter(
                        |r| matches!(r.reply, Some((d, o)) if d.year() == year && o == *outcome),
                    )
                    .count() as u64;
                assert_eq!(row.cells()[applicant as usize], counted, "{outcome:?}");
            }
            let open_at_end = requests
                .iter()
                .filter(of)
                .filter(|r| r.received.year() <= year)
                .filter(|r| r.reply.is_none_or(|(d, _)| d.year() > year))
                .count() as u64;
            assert_eq!(
                table.carried_forward.cells()[applicant as usize],
                open_at_end
            );
        }
    }
    assert_eq!(
        second.carried_over, first.carried_forward,
        "二 is last year's 四"
    );
    assert!(first.received.total > 400 && second.handled.total > 300);
}

#[test]
fn a_broken_table_names_the_identity_that_fails() {
    let mut table = RequestTable::compute(2025, &random_requests(50, 7));
    table.received.natural_person += 1;
    table.received.total += 1;
    let failing: Vec<String> = table
        .identities()
        .into_iter()
        .filter(|i| !i.holds())
        .map(|i| i.rule)
        .collect();
    assert!(
        failing.contains(&"自然人：一 + 二 = 三（七）总计 + 四".to_string()),
        "{failing:?}"
    );
    assert!(failing.contains(&"总计：一 + 二 = 三（七）总计 + 四".to_string()));
}
