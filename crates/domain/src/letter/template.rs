//! Letter templates: plain text, one paragraph a line, with fields named as
//! `{字段名}`. Rendering fills every field or fails naming the one missing: a letter
//! to an applicant never goes out with a blank. Checking a template (when an agency
//! saves its own) refuses unknown fields and unbalanced braces.

use super::{Field, Fields};
use crate::{Error, Result};

/// One piece of a template line: literal text or a field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Field(Field),
}

fn template_error(reason: impl Into<String>) -> Error {
    Error::LetterTemplate {
        reason: reason.into(),
    }
}

/// The pieces of one line.
fn pieces(line: &str) -> Result<Vec<Piece<'_>>> {
    let mut pieces = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(['{', '}']) {
        if rest[at..].starts_with('}') {
            return Err(template_error(format!("“}}”前缺少“{{”：{}", excerpt(line))));
        }
        if at > 0 {
            pieces.push(Piece::Text(&rest[..at]));
        }
        let after = &rest[at + 1..];
        let end = after
            .find(['{', '}'])
            .filter(|end| after[*end..].starts_with('}'))
            .ok_or_else(|| template_error(format!("“{{”后缺少“}}”：{}", excerpt(line))))?;
        let name = after[..end].trim();
        let field = Field::parse(name).ok_or_else(|| {
            template_error(format!(
                "未知的字段{{{name}}}，可用的字段见模板编辑页的字段表"
            ))
        })?;
        pieces.push(Piece::Field(field));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

/// The start of a line, to say where a mistake is.
fn excerpt(line: &str) -> String {
    let head: String = line.chars().take(30).collect();
    if head.len() < line.len() {
        format!("{head}…")
    } else {
        head
    }
}

/// The lines of a template that make paragraphs: trimmed, blank ones dropped.
fn lines(template: &str) -> impl Iterator<Item = &str> {
    template.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// The fields a template names, each once, in order of first use; an unknown field or
/// unbalanced braces is an error.
pub fn placeholders(template: &str) -> Result<Vec<Field>> {
    let mut fields = Vec::new();
    for line in lines(template) {
        for piece in pieces(line)? {
            if let Piece::Field(field) = piece
                && !fields.contains(&field)
            {
                fields.push(field);
            }
        }
    }
    Ok(fields)
}

/// Checks a template an agency saves: it must have text, and every field must be known
/// with its braces balanced.
pub fn validate(template: &str) -> Result<()> {
    if lines(template).next().is_none() {
        return Err(template_error("模板不能为空"));
    }
    placeholders(template).map(|_| ())
}

/// The paragraphs of the letter: the template with every field filled. A field that
/// is missing or empty is an error naming it.
pub fn render(template: &str, fields: &Fields) -> Result<Vec<String>> {
    validate(template)?;
    lines(template)
        .map(|line| {
            let mut paragraph = String::new();
            for piece in pieces(line)? {
                match piece {
                    Piece::Text(text) => paragraph.push_str(text),
                    Piece::Field(field) => paragraph.push_str(value(fields, field)?),
                }
            }
            Ok(paragraph)
        })
        .collect()
}

fn value(fields: &Fields, field: Field) -> Result<&str> {
    fields
        .get(&field)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| Error::LetterField {
            field: field.name_zh().to_string(),
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::annual_report::Outcome;
    use crate::letter::{LetterKind, decision_zh};

    fn every_field() -> Fields {
        Field::ALL
            .into_iter()
            .map(|f| (f, format!("〈{}〉", f.name_zh())))
            .collect()
    }

    #[test]
    fn fields_are_filled_in_each_paragraph() {
        let mut fields = Fields::new();
        fields.insert(Field::Applicant, "张三".into());
        fields.insert(Field::Serial, "〔2025〕第0001号".into());
        let text = "{申请人}：\n\n  申请编号：{申请编号}（{申请人}）  \n特此告知。";
        assert_eq!(
            render(text, &fields).unwrap(),
            vec!["张三：", "申请编号：〔2025〕第0001号（张三）", "特此告知。"]
        );
    }

    #[test]
    fn a_missing_or_empty_field_is_an_error_naming_it() {
        let mut fields = Fields::new();
        fields.insert(Field::Applicant, "  ".into());
        let error = render("{申请人}：", &fields).unwrap_err();
        assert_eq!(
            error,
            Error::LetterField {
                field: "申请人".into()
            }
        );
        let error = render("依据{法律依据}", &Fields::new()).unwrap_err();
        assert!(error.to_string().contains("法律依据"), "{error}");
    }

    #[test]
    fn unknown_fields_and_unbalanced_braces_are_refused() {
        let cases = [
            ("{申请人电话}", "申请人电话"),
            ("{申请人：", "缺少“}”"),
            ("申请人}：", "缺少“{”"),
            ("{申请{人}}", "缺少“}”"),
            ("{}", "未知的字段{}"),
            ("   \n  ", "不能为空"),
        ];
        for (template, expected) in cases {
            let error = validate(template).unwrap_err();
            assert_eq!(error.code(), "invalid_letter_template", "{template}");
            assert!(
                error.to_string().contains(expected),
                "{template}: {error} should mention {expected}"
            );
            assert!(render(template, &every_field()).is_err(), "{template}");
        }
        assert!(validate("{ 申请人 }：").is_ok(), "spaces inside braces");
    }

    #[test]
    fn placeholders_are_listed_once_in_order() {
        let fields = placeholders("{申请人}{申请编号}\n{申请人}").unwrap();
        assert_eq!(fields, vec![Field::Applicant, Field::Serial]);
    }

    #[test]
    fn every_default_template_renders_with_every_field_filled() {
        let fields = every_field();
        for kind in LetterKind::all() {
            let template = kind.default_template();
            validate(template).unwrap();
            let paragraphs = render(template, &fields).unwrap();
            assert!(paragraphs.len() >= 3, "{kind:?}");
            let text = paragraphs.join("\n");
            assert!(!text.contains('{') && !text.contains('}'), "{kind:?}");
            assert!(text.contains("〈申请编号〉"), "{kind:?}");
        }
    }

    #[test]
    fn every_reply_states_the_decision_its_basis_and_the_remedies() {
        for outcome in Outcome::ALL {
            let kind = LetterKind::Reply(outcome);
            let used = placeholders(kind.default_template()).unwrap();
            assert!(used.contains(&Field::Decision), "{outcome:?}");
            assert!(used.contains(&Field::LegalBasis), "{outcome:?}");
            let last = kind.default_template().lines().last().unwrap();
            assert!(
                last.contains("六十日内") && last.contains("申请行政复议"),
                "{outcome:?}"
            );
            assert!(
                last.contains("六个月内") && last.contains("提起行政诉讼"),
                "{outcome:?}"
            );
            assert!(!decision_zh(outcome).is_empty());
        }
    }

    #[test]
    fn the_notices_cite_their_articles() {
        let cases = [
            (LetterKind::CorrectionNotice, "第三十条"),
            (LetterKind::ExtensionNotice, "第三十三条第二款"),
            (LetterKind::ThirdPartyConsultation, "第三十二条"),
        ];
        for (kind, article) in cases {
            assert!(kind.default_template().contains(article), "{kind:?}");
        }
        let third_party = placeholders(LetterKind::ThirdPartyConsultation.default_template());
        assert!(
            !third_party.unwrap().contains(&Field::Applicant),
            "the applicant is not named to the third party"
        );
    }
}
