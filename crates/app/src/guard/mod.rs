//! The personal-information guard as the platform applies it: the guard of this
//! platform's settings (the allow-list of `[pii]` and the office's own numbers), the
//! scan of an uploaded or stored file passage by passage, and of a text field; and the
//! refusal of a text for the public that still holds personal information.
//!
//! The rule of what is a person's number is `gongkai_domain::pii`; reading a file into
//! located passages is `gongkai_extract`. This module joins them and words the
//! locations as staff read them (标题, 正文第3段, 附件“名单.xlsx”工作表“名单”C5).

use crate::config::Settings;
use crate::{Error, Result};
use chrono::NaiveDate;
use gongkai_domain::pii::{Finding, Guard};
use gongkai_extract::{SourceKind, paragraphs, passages_of};
use std::path::Path;

/// A finding with where it is in its file or field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub finding: Finding,
    /// 第3段, 第2页, 工作表“名单”C5.
    pub location: String,
}

/// The guard of the platform's settings on `today`.
pub fn guard_of(settings: &Settings, today: NaiveDate) -> Guard {
    let office = &settings.office;
    let own = [&office.phone, &office.fax, &office.email]
        .into_iter()
        .flat_map(|field| field.split(['，', ',', '；', ';', '、', '/']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    Guard::new(settings.pii.allow.iter().cloned().chain(own), today)
}

/// Whether the guard reads files of this name (txt, html, docx, pdf, xlsx).
pub fn readable(file_name: &str) -> bool {
    SourceKind::from_path(Path::new(file_name)).is_some()
}

/// The personal information of a file, passage by passage. A file of a kind the
/// extract crate cannot read, or a corrupt one, is an error naming the file.
pub fn scan_file(guard: &Guard, file_name: &str, bytes: &[u8]) -> Result<Vec<Located>> {
    let kind = SourceKind::from_path(Path::new(file_name)).ok_or_else(|| {
        Error::invalid(
            file_name,
            "无法检查此类文件（支持 .txt、.html、.docx、.pdf、.xlsx）",
        )
    })?;
    let passages =
        passages_of(bytes, kind).map_err(|e| Error::invalid(file_name, e.to_string()))?;
    Ok(passages
        .iter()
        .flat_map(|p| {
            guard.scan(&p.text).into_iter().map(|finding| Located {
                finding,
                location: p.location.to_string(),
            })
        })
        .collect())
}

/// The personal information of a plain-text field, by paragraph; a one-line field
/// (a title) has no paragraph number.
pub fn scan_text(guard: &Guard, text: &str) -> Vec<Located> {
    let passages = paragraphs(text);
    let single = passages.len() <= 1;
    passages
        .iter()
        .flat_map(|p| {
            guard.scan(&p.text).into_iter().map(|finding| Located {
                finding,
                location: if single {
                    String::new()
                } else {
                    p.location.to_string()
                },
            })
        })
        .collect()
}

/// The personal information of a text as staff are warned of it: `手机号码 137****5678、…`,
/// empty when there is none.
pub fn summary(guard: &Guard, text: &str) -> String {
    guard
        .scan(text)
        .iter()
        .map(|f| format!("{} {}", f.kind.label(), f.masked()))
        .collect::<Vec<_>>()
        .join("、")
}

/// Refuses a text about to be shown to the public while it holds personal
/// information, naming the field and the masked forms (seed 001; 条例 Art. 15).
pub fn require_clean(guard: &Guard, field: &str, text: &str) -> Result<()> {
    let found = summary(guard, text);
    if found.is_empty() {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        format!("含有个人信息（{found}），请删除或遮盖后再公开"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default()
    }

    #[test]
    fn the_office_numbers_and_the_allow_list_pass() {
        let mut settings = Settings::default();
        settings.office.phone = "13900001111、023-63851234".into();
        settings.office.email = "Wang.Office@163.com".into();
        settings.pii.allow = vec!["138 0000 2222".into()];
        let guard = guard_of(&settings, today());
        let text = "电话13900001111、13800002222，邮箱wang.office@163.com；申请人13712345678";
        let found: Vec<String> = scan_text(&guard, text)
            .into_iter()
            .map(|l| l.finding.value)
            .collect();
        assert_eq!(found, ["13712345678"]);
    }

    #[test]
    fn files_are_scanned_by_paragraph_and_bad_files_are_errors() {
        let guard = guard_of(&Settings::default(), today());
        let text = "名单\n\n张某 13712345678\n李某 13612345678".as_bytes();
        let found: Vec<(String, String)> = scan_file(&guard, "a.txt", text)
            .unwrap_or_default()
            .into_iter()
            .map(|l| (l.location, l.finding.masked()))
            .collect();
        let want = [("第2段", "137****5678"), ("第3段", "136****5678")]
            .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(found, want);
        assert!(scan_file(&guard, "a.doc", b"x").is_err());
        assert!(scan_file(&guard, "a.docx", b"not a zip").is_err());
        assert!(readable("名单.XLSX") && !readable("a.zip"));
    }

    #[test]
    fn a_public_text_with_personal_information_is_refused_with_the_masked_form() {
        let guard = guard_of(&Settings::default(), today());
        assert!(require_clean(&guard, "公开内容", "路灯已修复，感谢您的监督。").is_ok());
        let refused = require_clean(&guard, "公开内容", "请联系张先生13712345678。")
            .map_err(|e| e.to_string());
        assert_eq!(
            refused,
            Err("公开内容：含有个人信息（手机号码 137****5678），请删除或遮盖后再公开".to_string())
        );
    }
}
