use chrono::NaiveDate;

use super::*;
use crate::compliance::{Figure, Indicator, Item, Outcome, RecordRef};

fn line(code: &str, source: Source, weight: u32, rule: Rule) -> SchemeIndicator {
    SchemeIndicator {
        code: code.to_string(),
        label: format!("指标{code}"),
        source,
        weight,
        rule,
    }
}

fn monitor(i: Indicator, weight: u32, rule: Rule) -> SchemeIndicator {
    line(i.code(), Source::Monitor(i), weight, rule)
}

fn figure(on_time: usize, late: usize) -> Figure {
    let day = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default();
    let item = |id: usize, outcome| Item {
        record: RecordRef {
            kind: "request",
            id: id as i64,
        },
        label: format!("第{id}号"),
        due: day,
        done: None,
        outcome,
        note: String::new(),
    };
    let mut items: Vec<Item> = (0..on_time).map(|i| item(i, Outcome::OnTime)).collect();
    items.extend((0..late).map(|i| item(100 + i, Outcome::Late { workdays: 2 })));
    Figure::of(Indicator::Requests, items)
}

#[test]
fn a_scheme_needs_weights_of_100_and_rules_that_fit() {
    let good = vec![
        monitor(Indicator::Requests, 40, Rule::Proportional),
        monitor(
            Indicator::LedgerTasks,
            40,
            Rule::DeductPerItem { points: 2.0 },
        ),
        line("website", Source::Manual, 20, Rule::Manual),
    ];
    assert!(Scheme::new(2025, "2025年度政务公开考核方案", good.clone()).is_ok());
    let mut light = good.clone();
    light[2].weight = 10;
    let refused = Scheme::new(2025, "方案", light).map_err(|e| e.to_string());
    assert_eq!(
        refused,
        Err("考核方案：各项指标权重之和应为 100 分，现为 90 分".to_string())
    );
    let mut hand_scored_monitor = good.clone();
    hand_scored_monitor[0].rule = Rule::Manual;
    assert!(Scheme::new(2025, "方案", hand_scored_monitor).is_err());
    let mut ruled_manual = good.clone();
    ruled_manual[2].rule = Rule::Proportional;
    assert!(Scheme::new(2025, "方案", ruled_manual).is_err());
    let mut twice = good.clone();
    twice[1] = monitor(Indicator::Requests, 40, Rule::Proportional);
    assert!(Scheme::new(2025, "方案", twice).is_err());
    assert!(Scheme::new(2025, " ", good.clone()).is_err());
    assert!(Scheme::new(2025, "方案", Vec::new()).is_err());
}

#[test]
fn rules_parse_with_their_points_or_are_refused() {
    assert_eq!(
        Rule::parse("deduct", "1.5").ok(),
        Some(Rule::DeductPerItem { points: 1.5 })
    );
    for (code, points) in [
        ("deduct", "0"),
        ("deduct", "abc"),
        ("deduct", "0.125"),
        ("", ""),
        ("bonus", ""),
    ] {
        let refused = Rule::parse(code, points);
        assert_eq!(
            refused.map_err(|e| e.code()),
            Err("invalid_assessment_scheme"),
            "{code} {points}"
        );
    }
}

#[test]
fn proportional_and_deducting_rules_score_the_figure() {
    let proportional = monitor(Indicator::Requests, 20, Rule::Proportional);
    let s = score(&proportional, Some(&figure(3, 1)), None);
    assert_eq!((s.points, s.scored, s.deductions.len()), (15.0, true, 1));
    let deduct = monitor(Indicator::Requests, 10, Rule::DeductPerItem { points: 4.0 });
    let s = score(&deduct, Some(&figure(1, 2)), None);
    assert_eq!(s.points, 2.0);
    assert_eq!(s.deductions.iter().map(|d| d.points).sum::<f64>(), 8.0);
    let s = score(&deduct, Some(&figure(0, 5)), None);
    assert_eq!(s.points, 0.0, "never below 0");
    let s = score(&deduct, Some(&figure(0, 0)), None);
    assert_eq!(
        (s.points, s.scored),
        (10.0, false),
        "nothing due: full marks, noted"
    );
}

#[test]
fn hand_scores_stay_within_the_weight() {
    let website = line("website", Source::Manual, 20, Rule::Manual);
    assert_eq!(score(&website, None, Some(17.5)).points, 17.5);
    assert_eq!(score(&website, None, Some(30.0)).points, 20.0);
    let unscored = score(&website, None, None);
    assert_eq!((unscored.points, unscored.scored), (0.0, false));
}

#[test]
fn totals_add_adjustments_and_ranks_share_ties() {
    let s = |points: f64| IndicatorScore {
        code: "x".into(),
        weight: 100,
        points,
        scored: true,
        deductions: Vec::new(),
        basis: String::new(),
    };
    let bonus = Adjustment {
        points: 3.0,
        reason: "获评优秀案例".into(),
        evidence: "通报文件".into(),
    };
    assert_eq!(total(&[s(90.0)], std::slice::from_ref(&bonus)), 93.0);
    assert_eq!(total(&[s(99.0)], &[bonus]), 100.0);
    let unit = |name: &str, t: f64| UnitScore {
        unit: name.into(),
        indicators: Vec::new(),
        adjustments: Vec::new(),
        total: t,
        rank: 0,
    };
    let mut units = vec![
        unit("丙", 80.0),
        unit("甲", 95.0),
        unit("乙", 80.0),
        unit("丁", 70.0),
    ];
    rank(&mut units);
    let order: Vec<(&str, usize)> = units.iter().map(|u| (u.unit.as_str(), u.rank)).collect();
    assert_eq!(order, [("甲", 1), ("丙", 2), ("乙", 2), ("丁", 4)]);
}
