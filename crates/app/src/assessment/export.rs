//! The results as files: an XLSX of every unit's scores, and a DOCX 通报 in the 公文
//! layout with the ranking and each unit's deductions.

use super::results::Results;
use crate::Result;
use crate::docx::{Block, render};
use crate::table::write_xlsx;

/// The ranking with every indicator's points, one row a unit.
pub fn results_xlsx(r: &Results) -> Result<Vec<u8>> {
    let s = &r.scheme.scheme;
    let mut columns: Vec<(&str, f64)> = vec![("名次", 6.0), ("单位", 28.0)];
    columns.extend(s.indicators.iter().map(|l| (l.label.as_str(), 14.0)));
    columns.extend([("加减分", 10.0), ("总分", 10.0)]);
    let rows = r.units.iter().map(|u| {
        let mut row = vec![u.score.rank.to_string(), u.score.unit.clone()];
        row.extend(
            u.score
                .indicators
                .iter()
                .map(|i| format!("{:.2}", i.points)),
        );
        let adjusted: f64 = u.score.adjustments.iter().map(|a| a.points).sum();
        row.extend([format!("{adjusted:.2}"), format!("{:.2}", u.score.total)]);
        row
    });
    write_xlsx(
        "考核结果",
        &format!("{}（第{}版）", s.name, r.scheme.version),
        &columns,
        rows,
    )
}

/// The 通报: the scheme, the ranking, and what each unit lost points for.
pub fn notice_docx(r: &Results, agency: &str, on: chrono::NaiveDate) -> Result<Vec<u8>> {
    let s = &r.scheme.scheme;
    let mut blocks = vec![
        Block::Title(format!("关于{}年度政务公开工作考核结果的通报", s.year)),
        Block::Paragraph(format!(
            "根据《{}》，现将{}年度各单位政务公开工作考核结果通报如下。考核指标共 {} 项，满分 100 分，由平台记录自动计算，人工评分指标由政务公开办评定。",
            s.name,
            s.year,
            s.indicators.len()
        )),
        Block::Heading("一、考核结果".to_string()),
        Block::Table {
            header: vec!["名次".into(), "单位".into(), "得分".into()],
            rows: r
                .units
                .iter()
                .map(|u| {
                    vec![
                        u.score.rank.to_string(),
                        u.score.unit.clone(),
                        format!("{:.2}", u.score.total),
                    ]
                })
                .collect(),
        },
        Block::Heading("二、扣分情况".to_string()),
    ];
    for u in &r.units {
        let lost: Vec<String> = u
            .score
            .indicators
            .iter()
            .zip(&s.indicators)
            .filter(|(i, _)| i.points < f64::from(i.weight))
            .map(|(i, line)| {
                format!(
                    "{}得 {:.2} 分（满分 {}，{}）",
                    line.label, i.points, i.weight, i.basis
                )
            })
            .chain(u.score.adjustments.iter().map(|a| {
                format!(
                    "{} {:+.2} 分（{}，依据：{}）",
                    "加减分", a.points, a.reason, a.evidence
                )
            }))
            .collect();
        let text = if lost.is_empty() {
            "各项指标均得满分。".to_string()
        } else {
            format!("{}。", lost.join("；"))
        };
        blocks.push(Block::Paragraph(format!("{}：{text}", u.score.unit)));
    }
    blocks.push(Block::Right(agency.to_string()));
    blocks.push(Block::Right(on.format("%Y年%-m月%-d日").to_string()));
    render(&blocks)
}
