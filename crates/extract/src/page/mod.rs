//! A policy-document page, as plain text, to its title, metadata and body.
//!
//! Three layouts are recognised, tried in this order:
//!
//! 1. a metadata block near the top, bracketed (`[ 索引号 ] … [ 发文字号 ] …`) or with
//!    colons (`来源:…   发布时间:…`), the title just before or just after it;
//! 2. otherwise a document head: an optional standalone 发文字号 line and issuer line,
//!    then the title, which may be split over several lines;
//! 3. in every layout, a 成文日期 missing from the metadata is taken from the date line
//!    under the signature (`重庆两江新区管理委员会办公室` / `2020年9月15日`), and the
//!    signature becomes the issuer when none was found.
//!
//! Values are kept as written; a date keeps only its date part.

mod labels;
mod lines;

use chrono::NaiveDate;

use labels::Field;
use lines::{
    compact, ends_like_title, is_chrome, is_doc_number, is_signature_like, is_title_like,
    standalone_date, trim_value,
};

/// Metadata fields as written on a Chinese government portal page (raw strings,
/// trimmed; `None` when absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PageMetadata {
    /// 索引号.
    pub index_number: Option<String>,
    /// 发文字号 / 文号, brackets as written.
    pub doc_number: Option<String>,
    /// 主题分类.
    pub topic: Option<String>,
    /// 体裁分类.
    pub genre: Option<String>,
    /// 发布机构 / 发文机关 / 来源 / 信息来源.
    pub issuer: Option<String>,
    /// 有效性.
    pub validity: Option<String>,
    /// 成文日期.
    pub written_on: Option<NaiveDate>,
    /// 发布日期 / 发布时间 (date part).
    pub published_on: Option<NaiveDate>,
}

/// A page split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExtractedPage {
    /// The document's title, joined into one line when it was split over several.
    pub title: Option<String>,
    /// The metadata found on the page or in the document head.
    pub metadata: PageMetadata,
    /// The document's own text: without the portal navigation/breadcrumb/metadata
    /// block/page chrome before the title where it can be recognised, starting at the
    /// title line.
    pub body: String,
}

/// How many non-empty lines from the top may precede a metadata block or a title.
const HEAD_LINES: usize = 15;
/// How many lines a title may be split over.
const MAX_TITLE_LINES: usize = 3;

/// Recognises the page layout and extracts title, metadata and body from plain text.
/// Never panics; text without any recognisable part gives an empty metadata, no title
/// and the whole text as body.
pub fn parse_page(text: &str) -> ExtractedPage {
    let lines: Vec<&str> = text.lines().collect();
    let mut metadata = PageMetadata::default();
    let (title, body_lines) = match find_block(&lines) {
        Some(block) => with_block(&lines, &block, &mut metadata),
        None => with_head(&lines, &mut metadata),
    };
    if metadata.doc_number.is_none() && title.is_some() {
        metadata.doc_number = doc_number_under_title(&body_lines);
    }
    if metadata.written_on.is_none()
        && let Some((date, signature)) = signature_date(&body_lines)
    {
        metadata.written_on = Some(date);
        metadata.issuer.get_or_insert(signature);
    }
    ExtractedPage {
        title,
        metadata,
        body: crate::text::normalise(&body_lines.join("\n")),
    }
}

/// A metadata block: its first and last line and the pairs it holds.
struct Block {
    first: usize,
    last: usize,
    bracketed: bool,
    pairs: Vec<(Field, String)>,
}

/// Finds the metadata block among the first [`HEAD_LINES`] non-empty lines. A label
/// whose value is empty takes the next line as value when that line is not itself
/// metadata (an HTML table puts label and value in separate cells).
fn find_block(lines: &[&str]) -> Option<Block> {
    let non_empty = non_empty_indices(lines, 0);
    let first = *non_empty
        .iter()
        .take(HEAD_LINES)
        .find(|&&i| labels::pairs(line_at(lines, i)).is_some())?;
    let mut block = Block {
        first,
        last: first,
        bracketed: false,
        pairs: Vec::new(),
    };
    let mut walk = non_empty.iter().skip_while(|&&i| i < first).peekable();
    while let Some(&i) = walk.next() {
        let line = line_at(lines, i);
        let Some(mut found) = labels::pairs(line) else {
            break;
        };
        block.bracketed |= line.contains(['[', '【', '［']);
        block.last = i;
        // The next line is this label's value if the label has none on its own line
        // and that line is short and not metadata itself.
        let value_line = walk.peek().map(|&&j| j).filter(|&j| {
            let next = line_at(lines, j);
            next.chars().count() <= 100 && labels::pairs(next).is_none()
        });
        if let (Some((_, value)), Some(j)) = (found.last_mut(), value_line)
            && value.is_empty()
        {
            trim_value(line_at(lines, j)).clone_into(value);
            block.last = j;
            walk.next();
        }
        block.pairs.append(&mut found);
    }
    Some(block)
}

/// Title and body lines of a page with a metadata block.
fn with_block<'a>(
    lines: &[&'a str],
    block: &Block,
    metadata: &mut PageMetadata,
) -> (Option<String>, Vec<&'a str>) {
    let mut labelled_title = None;
    for (field, value) in &block.pairs {
        if *field == Field::Title && !value.is_empty() {
            labelled_title.get_or_insert_with(|| value.clone());
        } else {
            apply(metadata, *field, value);
        }
    }
    let before = (0..block.first)
        .rev()
        .find(|&i| !line_at(lines, i).trim().is_empty())
        .filter(|&i| is_title_like(line_at(lines, i)));
    let after = next_non_empty(lines, block.last + 1);
    let after_title = after.filter(|&i| is_title_like(line_at(lines, i)));
    let rest = |from: usize| lines.get(from..).unwrap_or_default().to_vec();

    if let Some(title) = labelled_title {
        let start = after.filter(|&i| compact(line_at(lines, i)) == compact(&title));
        return (Some(title), rest(start.unwrap_or(block.last + 1)));
    }
    let same = |a: usize, b: usize| compact(line_at(lines, a)) == compact(line_at(lines, b));
    // A title shown both before and after the block: the repeated one after it is
    // the document's own (the first is often a page header with stray spaces).
    let use_after = match (before, after_title) {
        (Some(b), Some(a)) if same(b, a) => true,
        (Some(b), Some(a)) => {
            let (b_ends, a_ends) = (
                ends_like_title(line_at(lines, b)),
                ends_like_title(line_at(lines, a)),
            );
            if b_ends == a_ends {
                block.bracketed
            } else {
                a_ends
            }
        }
        (None, Some(_)) => true,
        _ => false,
    };
    match (use_after, before, after_title) {
        (true, _, Some(a)) => {
            let (title, _) = title_from(lines, a);
            (Some(title), rest(a))
        }
        (false, Some(b), _) => {
            let mut body = vec![line_at(lines, b)];
            body.extend(rest(block.last + 1));
            (Some(trim_value(line_at(lines, b)).to_owned()), body)
        }
        _ => (None, rest(block.last + 1)),
    }
}

/// Title and body lines of a page without a metadata block: skips chrome, takes a
/// standalone 发文字号 line and an issuer line, then the title.
fn with_head<'a>(lines: &[&'a str], metadata: &mut PageMetadata) -> (Option<String>, Vec<&'a str>) {
    let rest = |from: usize| lines.get(from..).unwrap_or_default().to_vec();
    let mut start = 0;
    for &i in non_empty_indices(lines, 0).iter().take(HEAD_LINES) {
        let line = line_at(lines, i);
        start = i;
        if is_chrome(line) {
            start = i + 1;
        } else if is_doc_number(line) && metadata.doc_number.is_none() {
            metadata.doc_number = Some(trim_value(line).to_owned());
            start = i + 1;
        } else if is_signature_like(line) && metadata.issuer.is_none() {
            metadata.issuer = Some(trim_value(line).to_owned());
            start = i + 1;
        } else if is_title_like(line) {
            let (title, _) = title_from(lines, i);
            return (Some(title), rest(i));
        } else {
            break;
        }
    }
    (None, rest(start))
}

/// The title starting at line `first`, joined with up to [`MAX_TITLE_LINES`]` - 1`
/// continuation lines (a short title-like line that ends like a title, as in
/// `关于印发…工作要点` / `任务分工的通知`); returns the title and its last line.
fn title_from(lines: &[&str], first: usize) -> (String, usize) {
    let mut title = trim_value(line_at(lines, first)).to_owned();
    let mut last = first;
    for _ in 1..MAX_TITLE_LINES {
        if complete_title(&title) {
            break;
        }
        let Some(next) = next_non_empty(lines, last + 1) else {
            break;
        };
        let line = line_at(lines, next);
        let fits = next - last <= 2
            && is_title_like(line)
            && line.chars().count() <= 40
            && ends_like_title(line)
            && !compact(line).starts_with("关于");
        if !fits {
            break;
        }
        title.push_str(trim_value(line));
        last = next;
    }
    (title, last)
}

/// A title that cannot continue: it already names the kind of document it is.
fn complete_title(title: &str) -> bool {
    let title = compact(title);
    [
        "通知", "通报", "公告", "通告", "决定", "批复", "函", "意见", "报告",
    ]
    .iter()
    .any(|kind| title.ends_with(kind))
}

/// A standalone 发文字号 line just under the title (after the title's own lines).
fn doc_number_under_title(body: &[&str]) -> Option<String> {
    let (_, last) = title_from(body, 0);
    let next = next_non_empty(body, last + 1)?;
    let line = line_at(body, next);
    is_doc_number(line).then(|| trim_value(line).to_owned())
}

/// The last date line directly under a signature line: (date, signature).
fn signature_date(body: &[&str]) -> Option<(NaiveDate, String)> {
    let mut found = None;
    let mut previous: Option<&str> = None;
    for line in body.iter().filter(|l| !l.trim().is_empty()) {
        if let (Some(date), Some(signature)) = (standalone_date(line), previous)
            && is_signature_like(signature)
        {
            found = Some((date, trim_value(signature).to_owned()));
        }
        previous = Some(line);
    }
    found
}

/// Stores one labelled value, keeping the first non-empty value of each field.
fn apply(metadata: &mut PageMetadata, field: Field, value: &str) {
    if value.is_empty() {
        return;
    }
    let text = || Some(value.to_owned());
    match field {
        Field::IndexNumber if metadata.index_number.is_none() => metadata.index_number = text(),
        Field::DocNumber if metadata.doc_number.is_none() => metadata.doc_number = text(),
        Field::Topic if metadata.topic.is_none() => metadata.topic = text(),
        Field::Genre if metadata.genre.is_none() => metadata.genre = text(),
        Field::Issuer if metadata.issuer.is_none() => metadata.issuer = text(),
        Field::Validity if metadata.validity.is_none() => metadata.validity = text(),
        Field::WrittenOn if metadata.written_on.is_none() => {
            metadata.written_on = lines::find_date(value);
        }
        Field::PublishedOn if metadata.published_on.is_none() => {
            metadata.published_on = lines::find_date(value);
        }
        _ => {}
    }
}

fn line_at<'a>(lines: &[&'a str], index: usize) -> &'a str {
    lines.get(index).copied().unwrap_or_default()
}

/// The index of the first line from `from` on that holds more than white space.
fn next_non_empty(lines: &[&str], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| !line_at(lines, i).trim().is_empty())
}

/// Indices of the lines from `from` on that hold more than white space.
fn non_empty_indices(lines: &[&str], from: usize) -> Vec<usize> {
    (from..lines.len())
        .filter(|&i| !line_at(lines, i).trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
