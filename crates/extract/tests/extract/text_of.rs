//! `text_of` for every source kind, with inputs built in the test.

use std::io::{Cursor, Write};

use chrono::NaiveDate;
use gongkai_extract::{SourceKind, parse_page, text_of};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use zip::write::SimpleFileOptions;

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
    <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
    <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
    <Override PartName=\"/word/document.xml\" \
    ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
    </Types>";

/// A zip archive holding the given parts.
pub fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A minimal .docx: a heading paragraph, a run with a tab and a break, a 2×2 table.
pub fn sample_docx() -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document {W}><w:body>\
         <w:p><w:r><w:t>关于印发工作要点的通知</w:t></w:r></w:p>\
         <w:p><w:r><w:t>第一段</w:t><w:tab/><w:t>制表</w:t><w:br/><w:t>换行</w:t></w:r></w:p>\
         <w:tbl>\
         <w:tr><w:tc><w:p><w:r><w:t>工作任务</w:t></w:r></w:p></w:tc>\
               <w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc></w:tr>\
         <w:tr><w:tc><w:p><w:r><w:t>公开</w:t></w:r><w:r><w:t>清单</w:t></w:r></w:p></w:tc>\
               <w:tc><w:p><w:r><w:t>办公室</w:t></w:r></w:p></w:tc></w:tr>\
         </w:tbl>\
         <w:p/><w:p/><w:p><w:r><w:t xml:space=\"preserve\">末段  </w:t></w:r></w:p>\
         </w:body></w:document>"
    );
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", &document),
    ])
}

/// A one-page PDF with a Helvetica text object, written by lopdf.
pub fn sample_pdf(text: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 24.into()]),
            Operation::new("Td", vec![72.into(), 720.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn utf8_text_is_normalised() {
    let text = text_of(
        "\u{feff}标题  \r\n\r\n\r\n正文\u{3000}\n\n\n".as_bytes(),
        SourceKind::Text,
    );
    assert_eq!(text.unwrap(), "标题\n\n正文\u{3000}");
}

#[test]
fn gb18030_text_is_decoded() {
    let original = "渝中府办〔2022〕24号\n重庆市渝中区人民政府办公室\n\n关于印发渝中区2022年政务公开工作要点\n";
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(original);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err());
    assert_eq!(
        text_of(&bytes, SourceKind::Text).unwrap(),
        original.trim_end()
    );
}

#[test]
fn html_page_of_the_bracketed_layout_parses_like_the_text_seed() {
    let html = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政策文件</title>
<style>.info td { color: #333 } body::before { content: "样式" }</style>
<script>var tracker = "统计脚本"; document.write("脚本文字");</script></head>
<body>
<div class="crumb">您当前的位置: <a href="/">首页</a>&gt; <a>政务公开</a>&gt; 政策文件</div>
<table class="info">
 <tr><td>[ 索引号 ]</td><td>115000005567784755/2020-01891</td>
     <td>[ 发文字号 ]</td><td>渝两江管办发﹝2020﹞74号</td></tr>
 <tr><td>[ 主题分类 ]</td><td>行政事务</td><td>[ 体裁分类 ]</td><td>其他公文</td></tr>
 <tr><td>[ 发布机构 ]</td><td>两江新区管委会</td><td>[ 有效性 ]</td><td>有效</td></tr>
 <tr><td>[ 成文日期 ]</td><td>2020-09-15</td><td>[ 发布日期 ]</td><td>2020-09-17</td></tr>
</table>
<h1>重庆两江新区管理委员会办公室关于印发2020年两江新区政务公开工作要点任务分工的通知</h1>
<div class="content"><p>各街道办事处,委机关各部门:</p>
<p>现将《任务分工》印发给你们,<br>请认真贯彻实施。</p>
<script>alert("不是正文")</script>
<p style="text-align:right">重庆两江新区管理委员会办公室</p><p>2020年9月15日</p></div>
</body></html>"#;
    let text = text_of(html.as_bytes(), SourceKind::Html).unwrap();
    for absent in ["统计脚本", "脚本文字", "样式", "color", "不是正文"] {
        assert!(!text.contains(absent), "{absent:?} leaked into {text:?}");
    }
    assert!(
        text.starts_with("您当前的位置"),
        "the <title> is not text: {text:?}"
    );
    assert!(text.contains("[ 索引号 ]\n115000005567784755/2020-01891\n[ 发文字号 ]"));
    assert!(text.contains("印发给你们,\n请认真贯彻实施。"));

    let page = parse_page(&text);
    let m = &page.metadata;
    assert_eq!(
        m.index_number.as_deref(),
        Some("115000005567784755/2020-01891")
    );
    assert_eq!(m.doc_number.as_deref(), Some("渝两江管办发﹝2020﹞74号"));
    assert_eq!(m.topic.as_deref(), Some("行政事务"));
    assert_eq!(m.genre.as_deref(), Some("其他公文"));
    assert_eq!(m.issuer.as_deref(), Some("两江新区管委会"));
    assert_eq!(m.validity.as_deref(), Some("有效"));
    assert_eq!(m.written_on, NaiveDate::from_ymd_opt(2020, 9, 15));
    assert_eq!(m.published_on, NaiveDate::from_ymd_opt(2020, 9, 17));
    assert_eq!(
        page.title.as_deref(),
        Some("重庆两江新区管理委员会办公室关于印发2020年两江新区政务公开工作要点任务分工的通知")
    );
    assert!(
        page.body
            .ends_with("重庆两江新区管理委员会办公室\n2020年9月15日")
    );
}

#[test]
fn docx_paragraphs_tabs_breaks_and_table_cells_become_lines() {
    let text = text_of(&sample_docx(), SourceKind::Docx).unwrap();
    assert_eq!(
        text,
        "关于印发工作要点的通知\n第一段\t制表\n换行\n工作任务\n牵头单位\n公开清单\n办公室\n\n末段"
    );
}

#[test]
fn docx_without_document_part_is_an_error() {
    let bytes = zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/other.xml", "<x/>"),
    ]);
    let error = text_of(&bytes, SourceKind::Docx).unwrap_err();
    assert_eq!(error.code(), "missing_docx_part");
    assert!(error.to_string().contains("word/document.xml"));
}

#[test]
fn docx_with_broken_xml_or_no_zip_is_an_error() {
    let bytes = zip_of(&[("word/document.xml", "<w:document><w:body><w:p>")]);
    assert_eq!(
        text_of(&bytes, SourceKind::Docx).unwrap_err().code(),
        "invalid_docx_xml"
    );
    let error = text_of(b"PK\x03\x04 not really a zip", SourceKind::Docx).unwrap_err();
    assert_eq!(error.code(), "invalid_docx");
    assert!(text_of(b"", SourceKind::Docx).is_err());
}

#[test]
fn pdf_text_layer_is_read() {
    let bytes = sample_pdf("Hello 2020");
    assert!(bytes.starts_with(b"%PDF-1.5"));
    assert_eq!(text_of(&bytes, SourceKind::Pdf).unwrap(), "Hello 2020");
}

#[test]
fn truncated_or_garbage_pdf_is_an_error() {
    let bytes = sample_pdf("Hello 2020");
    for cut in [0, 8, 20, bytes.len() / 3] {
        let result = text_of(bytes.get(..cut).unwrap(), SourceKind::Pdf);
        assert!(result.is_err(), "cut at {cut}: {result:?}");
        assert_eq!(result.unwrap_err().code(), "invalid_pdf");
    }
    assert!(text_of(b"%PDF-1.4\n garbage", SourceKind::Pdf).is_err());
}
