//! Compliance monitoring over two years of records of three units (the government, 教育局,
//! 民政局) with known late and missing items: every indicator of every unit and the
//! totals checked against counts the test keeps itself as it stores the records, each
//! record made clearly on time (the same or the next day) or clearly late (weeks past).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "compliance/records.rs"]
mod records;
#[path = "compliance/scenario.rs"]
mod scenario;

use gongkai_app::compliance::{Period, monitor};
use gongkai_app::config::Settings;
use gongkai_app::{App, OrgId};
use gongkai_domain::compliance::Indicator;
use records::day;
use scenario::{Expected, Tally, admin, library, public, units, work};

/// The two years of records, with the counts expected of them.
async fn scenario() -> (
    tempfile::TempDir,
    App,
    Vec<OrgId>,
    gongkai_app::access::CurrentUser,
    Expected,
) {
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
    (dir, app, org, user, expected)
}

#[tokio::test]
async fn every_indicator_of_every_unit_matches_the_records_over_two_years() {
    let (_dir, app, org, user, expected) = scenario().await;

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

fn line(
    source: &str,
    label: &str,
    weight: &str,
    rule: &str,
    points: &str,
) -> gongkai_app::assessment::LineInput {
    gongkai_app::assessment::LineInput {
        source: source.into(),
        label: label.into(),
        weight: weight.into(),
        rule: rule.into(),
        points: points.into(),
    }
}

#[tokio::test]
async fn the_assessment_scores_every_unit_from_the_records_ranks_and_freezes() {
    use gongkai_app::assessment::{self, AdjustmentInput, SchemeInput, ScoreInput};
    let (_dir, app, org, user, expected) = scenario().await;

    // Bad schemes are refused with the reason, and nothing is saved.
    let mut input = SchemeInput {
        year: "2025".into(),
        name: "2025年度政务公开考核方案".into(),
        lines: vec![
            line("requests", "", "40", "proportional", ""),
            line("ledger_tasks", "", "30", "deduct", "5"),
            line("manual", "网站检查", "20", "manual", ""),
        ],
    };
    let short = assessment::save_scheme(&app, &user, None, &input)
        .await
        .unwrap_err();
    assert_eq!(
        short.to_string(),
        "考核方案：各项指标权重之和应为 100 分，现为 90 分"
    );
    input.lines[2].weight = "30".into();
    input.lines[1].rule = String::new();
    let no_rule = assessment::save_scheme(&app, &user, None, &input)
        .await
        .unwrap_err();
    assert!(
        no_rule
            .to_string()
            .contains("第2项指标的计分规则：考核方案：请选择计分规则"),
        "{no_rule}"
    );
    assert!(
        assessment::schemes(&app, &user).await.unwrap().is_empty(),
        "nothing saved"
    );
    input.lines[1].rule = "deduct".into();
    let scheme = assessment::save_scheme(&app, &user, None, &input)
        .await
        .unwrap();

    // Hand scores and one adjustment; a score above the weight is refused.
    for (u, points) in [(0, "25"), (1, "28"), (2, "20.5")] {
        let score = ScoreInput {
            org_id: org[u].0,
            code: "manual-网站检查".into(),
            points: points.into(),
            note: String::new(),
        };
        assessment::set_score(&app, &user, scheme.id, &score)
            .await
            .unwrap();
    }
    let too_high = ScoreInput {
        org_id: org[0].0,
        code: "manual-网站检查".into(),
        points: "31".into(),
        note: String::new(),
    };
    assert!(
        assessment::set_score(&app, &user, scheme.id, &too_high)
            .await
            .is_err()
    );
    let bonus = AdjustmentInput {
        org_id: org[1].0,
        points: "2".into(),
        reason: "获评全市政务公开优秀案例".into(),
        evidence: "市政务公开办通报".into(),
    };
    assessment::add_adjustment(&app, &user, scheme.id, &bonus)
        .await
        .unwrap();
    let no_evidence = AdjustmentInput {
        evidence: String::new(),
        ..bonus.clone()
    };
    assert!(
        assessment::add_adjustment(&app, &user, scheme.id, &no_evidence)
            .await
            .is_err()
    );

    // Every score computed here from the test's own counts.
    let r = assessment::results(&app, &user, scheme.id).await.unwrap();
    let hand = [25.0, 28.0, 20.5];
    let mut want: Vec<(OrgId, f64)> = Vec::new();
    for (u, &unit) in org.iter().enumerate() {
        let [counted, on_time, _, _] = expected.of(Indicator::Requests, u, 2025);
        let requests = (40.0 * on_time as f64 / counted as f64 * 100.0).round() / 100.0;
        let [_, _, late, overdue] = expected.of(Indicator::LedgerTasks, u, 2025);
        let tasks = (30.0 - 5.0 * (late + overdue) as f64).max(0.0);
        let adjust = if u == 1 { 2.0 } else { 0.0 };
        let total = requests + tasks + hand[u] + adjust;
        let got = r.units.iter().find(|x| x.org_id == unit).unwrap();
        assert_eq!(got.score.indicators[0].points, requests, "requests of {u}");
        assert_eq!(got.score.indicators[1].points, tasks, "tasks of {u}");
        assert_eq!(
            got.score.indicators[1].deductions.len(),
            late + overdue,
            "the records behind the deduction of {u}"
        );
        assert_eq!(
            got.score.total,
            (total * 100.0).round() / 100.0,
            "total of {u}"
        );
        want.push((unit, total));
    }
    want.sort_by(|a, b| b.1.total_cmp(&a.1));
    let order: Vec<OrgId> = r.units.iter().map(|u| u.org_id).collect();
    assert_eq!(
        order,
        want.iter().map(|w| w.0).collect::<Vec<_>>(),
        "ranked by total"
    );
    assert_eq!(r.units[0].score.rank, 1);

    // Exports, then publishing freezes the scheme: a change is a new version.
    assert!(assessment::results_xlsx(&r).unwrap().starts_with(b"PK"));
    let docx = assessment::notice_docx(&r, "某区人民政府", day("2026-01-15")).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip::ZipArchive::new(std::io::Cursor::new(docx))
            .unwrap()
            .by_name("word/document.xml")
            .unwrap(),
        &mut xml,
    )
    .unwrap();
    for text in [
        "关于2025年度政务公开工作考核结果的通报",
        "某区民政局",
        "扣分情况",
        "获评全市政务公开优秀案例",
    ] {
        assert!(xml.contains(text), "{text} in the 通报");
    }
    assessment::publish(&app, &user, scheme.id).await.unwrap();
    input.name = "2025年度政务公开考核方案（修订）".into();
    let revised = assessment::save_scheme(&app, &user, Some(scheme.id), &input)
        .await
        .unwrap();
    assert_eq!((revised.version, revised.id == scheme.id), (2, false));
    let all = assessment::schemes(&app, &user).await.unwrap();
    let first = all.iter().find(|s| s.id == scheme.id).unwrap();
    assert!(first.frozen_at.is_some());
    assert_eq!(
        first.scheme.name, "2025年度政务公开考核方案",
        "the used version is unchanged"
    );
}
