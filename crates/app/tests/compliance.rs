//! Compliance monitoring over two years of records of three units (the government, 教育局,
//! 民政局) with known late and missing items: every indicator of every unit and the
//! totals checked against counts the test keeps itself as it stores the records, each
//! record made clearly on time (the same or the next day) or clearly late (weeks past).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "compliance/records.rs"]
mod records;
#[path = "compliance/scenario.rs"]
mod scenario;

use gongkai_app::App;
use gongkai_app::compliance::{Period, monitor};
use gongkai_app::config::Settings;
use gongkai_domain::compliance::Indicator;
use records::day;
use scenario::{Expected, Tally, admin, library, public, units, work};

#[tokio::test]
async fn every_indicator_of_every_unit_matches_the_records_over_two_years() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(dir.path().to_path_buf(), Settings::default())
        .await
        .unwrap();
    let org = units(&app, dir.path()).await;
    let user = admin(&app).await;
    let mut expected = Expected::default();
    let mut n = 0;
    for y in [2024, 2025] {
        library(&app, &org, y, &mut n, &mut expected).await;
        public(&app, &org, y, &mut n, &mut expected).await;
        work(&app, dir.path(), &org, y, &mut expected).await;
    }

    for y in [2024, 2025] {
        let m = monitor(&app, &user, Period::year(y).unwrap())
            .await
            .unwrap();
        assert_eq!(m.units.len(), 3);
        for indicator in Indicator::ALL {
            let mut total: Tally = [0; 4];
            for (u, &unit) in org.iter().enumerate() {
                let row = m.units.iter().find(|r| r.org.id == unit).unwrap();
                let f = row
                    .figures
                    .iter()
                    .find(|f| f.indicator == indicator)
                    .unwrap();
                let got = [f.counted, f.on_time, f.late, f.overdue];
                let want = expected.of(indicator, u, y);
                assert_eq!(got, want, "{indicator:?} of unit {u} in {y}");
                assert_eq!(
                    f.faults.len(),
                    want[2] + want[3],
                    "{indicator:?} {u} {y}: the records behind"
                );
                assert!(f.has_source);
                for (t, w) in total.iter_mut().zip(want) {
                    *t += w;
                }
            }
            let f = m.totals.iter().find(|f| f.indicator == indicator).unwrap();
            assert_eq!(
                [f.counted, f.on_time, f.late, f.overdue],
                total,
                "{indicator:?} total {y}"
            );
        }
    }

    // Drill-down: 民政局's late annual report of 2023 is missing, and named.
    let m = monitor(&app, &user, Period::year(2024).unwrap())
        .await
        .unwrap();
    let civil = m.units.iter().find(|r| r.org.id == org[2]).unwrap();
    let report = civil
        .figures
        .iter()
        .find(|f| f.indicator == Indicator::AnnualReport)
        .unwrap();
    assert_eq!(report.faults[0].label, "2023年政府信息公开工作年度报告");
    assert_eq!(report.faults[0].due, day("2024-01-31"));
    // The government's report is due by 31 March, 教育局's by 31 January.
    let gov = m.units.iter().find(|r| r.org.id == org[0]).unwrap();
    assert_eq!(
        gov.figures
            .iter()
            .find(|f| f.indicator == Indicator::AnnualReport)
            .unwrap()
            .on_time,
        1
    );
}

#[tokio::test]
async fn a_period_must_run_forwards_and_within_five_years() {
    assert!(Period::year(1900).is_err());
    assert!(Period::new(day("2025-03-01"), day("2025-02-01")).is_err());
    assert!(Period::new(day("2015-01-01"), day("2025-01-01")).is_err());
    let p = Period::new(day("2025-01-01"), day("2025-06-30")).unwrap();
    assert_eq!(p.label_zh(), "2025-01-01 至 2025-06-30");
    assert_eq!(Period::year(2025).unwrap().label_zh(), "2025年");
}
