//! Letters of disclosure requests through the real server: each letter the record
//! allows, as a page and as a Word document, with the serial, the applicant, the
//! decision, its legal basis and the remedies; agencies' templates are checked when
//! saved and a field the record lacks is named, never left blank; staff who do not
//! handle the agency's requests see neither.

use crate::helpers::{Client, TestApp, console_path, document_xml, submit_request};
use gongkai_domain::annual_report::Outcome;
use gongkai_domain::letter::decision_zh;
use gongkai_domain::role::Role;
use reqwest::StatusCode;

async fn step(office: &Client, path: &str, fields: &[(&str, &str)]) {
    let response = office.submit(path, &format!("{path}/steps"), fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{fields:?}");
}

async fn reply(office: &Client, path: &str, outcome: &str, on: &str) {
    let fields = [("outcome", outcome), ("on", on)];
    let response = office.submit(path, &format!("{path}/reply"), &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

/// The agency the templates page offers first.
fn first_agency(page: &str) -> String {
    let marker = "<option value=\"";
    let at = page.find(marker).unwrap() + marker.len();
    page[at..at + page[at..].find('"').unwrap()].to_string()
}

#[tokio::test]
async fn each_letter_of_the_record_is_a_page_and_a_word_document() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let serial = submit_request(&app).await.0;
    let path = console_path(&office, &serial).await;
    let (_, detail) = office.get_text(&path).await;
    assert!(detail.contains("尚无可生成的文书"), "{detail}");

    let today = gongkai_app::documents::today().to_string();
    let on = today.as_str();
    let items = "请写明所需信息的文件名称或者文号";
    step(
        &office,
        &path,
        &[("kind", "correction_notice"), ("on", on), ("note", items)],
    )
    .await;
    step(&office, &path, &[("kind", "corrected"), ("on", on)]).await;
    let consulted = [
        ("kind", "stop"),
        ("on", on),
        ("until", on),
        ("consulted", "third_party"),
        ("note", "某某建设有限公司"),
    ];
    step(&office, &path, &consulted).await;
    let extension = [
        ("kind", "extension"),
        ("on", on),
        ("workdays", "10"),
        ("note", "李主任"),
    ];
    step(&office, &path, &extension).await;
    reply(&office, &path, "withheld_third_party", on).await;

    // The request's page lists every letter its record allows.
    let (_, detail) = office.get_text(&path).await;
    let letters = [
        "correction_notice",
        "third_party.1",
        "extension_notice",
        "reply.withheld_third_party",
    ];
    for code in letters {
        assert!(
            detail.contains(&format!("{path}/letters/{code}\"")),
            "{code}"
        );
        assert!(
            detail.contains(&format!("{path}/letters/{code}/docx\"")),
            "{code}"
        );
    }

    // The reply: serial, applicant, decision, legal basis and remedies.
    let decision = decision_zh(Outcome::WithheldThirdParty);
    let basis = Outcome::WithheldThirdParty.legal_basis_zh();
    let (status, page) = office
        .get_text(&format!("{path}/letters/reply.withheld_third_party"))
        .await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "政府信息公开申请答复书",
        serial.as_str(),
        "张三：",
        decision,
        basis,
        "六十日内",
        "申请行政复议",
        "六个月内",
        "提起行政诉讼",
    ] {
        assert!(page.contains(text), "reply page lacks {text}");
    }
    let (_, correction) = office
        .get_text(&format!("{path}/letters/correction_notice"))
        .await;
    assert!(correction.contains(items) && correction.contains("第三十条"));
    let (_, extension) = office
        .get_text(&format!("{path}/letters/extension_notice"))
        .await;
    assert!(extension.contains("延长10个工作日"), "{extension}");
    let (_, consultation) = office
        .get_text(&format!("{path}/letters/third_party.1"))
        .await;
    assert!(consultation.contains("某某建设有限公司：") && consultation.contains("第三十二条"));
    assert!(
        !consultation.contains("张三"),
        "the applicant is not named to the third party"
    );

    // The Word document of the reply.
    let response = office
        .get(&format!("{path}/letters/reply.withheld_third_party/docx"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    let encoded: String =
        url::form_urlencoded::byte_serialize("政府信息公开申请答复书".as_bytes()).collect();
    assert!(
        disposition.starts_with("attachment;")
            && disposition.contains(&format!("filename*=UTF-8''{encoded}")),
        "{disposition}"
    );
    let xml = document_xml(&response.bytes().await.unwrap());
    assert!(xml.contains(decision) && xml.contains(basis) && xml.contains(&serial));

    // Letters the record does not allow are not found.
    for code in ["reply.disclosed", "third_party.2", "third_party", "nothing"] {
        let status = office.get(&format!("{path}/letters/{code}")).await.status();
        assert_eq!(status, StatusCode::NOT_FOUND, "{code}");
    }

    // Staff who do not handle the agency's requests see no letter.
    let editor = app.signed_in(Role::Editor).await;
    let status = editor
        .get(&format!("{path}/letters/correction_notice"))
        .await
        .status();
    assert_eq!(status, StatusCode::FORBIDDEN);
    let status = editor
        .get(&format!("{path}/letters/correction_notice/docx"))
        .await
        .status();
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn templates_are_checked_when_saved_and_a_field_the_record_lacks_is_named() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let extended = submit_request(&app).await.0;
    let plain = submit_request(&app).await.0;
    let today = gongkai_app::documents::today().to_string();
    let extended = console_path(&office, &extended).await;
    let extension = [
        ("kind", "extension"),
        ("on", today.as_str()),
        ("workdays", "5"),
        ("note", "李主任"),
    ];
    step(&office, &extended, &extension).await;
    reply(&office, &extended, "disclosed", &today).await;
    let plain = console_path(&office, &plain).await;
    reply(&office, &plain, "disclosed", &today).await;

    let (status, page) = office.get_text("/console/letter-templates").await;
    assert_eq!(status, StatusCode::OK);
    let org = first_agency(&page);
    let editor_page = format!("/console/letter-templates?org={org}&kind=reply.disclosed");
    let (_, editor) = office.get_text(&editor_page).await;
    assert!(
        editor.contains("{办理结果}") && editor.contains("{法律依据}"),
        "fields listed"
    );
    let save = |body: &'static str| {
        let office = &office;
        let (org, page) = (org.clone(), editor_page.clone());
        async move {
            let fields = [
                ("org", org.as_str()),
                ("kind", "reply.disclosed"),
                ("body", body),
                ("action", "save"),
            ];
            office
                .submit(&page, "/console/letter-templates", &fields)
                .await
        }
    };

    // Unknown fields and unbalanced braces are refused, in Chinese, the text kept.
    let refused = save("{申请人}：\n请致电{申请人电话}").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("未知的字段{申请人电话}") && page.contains("请致电"),
        "{page}"
    );
    let refused = save("{申请人：").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A saved template is used; a request whose record lacks one of its fields gets
    // an error naming the field, not a letter with a blank.
    let saved =
        save("{申请人}：\n本机关已将答复期限延长{延长工作日数}个工作日。\n{办理结果}。").await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (status, letter) = office
        .get_text(&format!("{extended}/letters/reply.disclosed"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(letter.contains("延长5个工作日"), "{letter}");
    let (status, page) = office
        .get_text(&format!("{plain}/letters/reply.disclosed"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("延长工作日数"), "{page}");
    let status = office
        .get(&format!("{plain}/letters/reply.disclosed/docx"))
        .await
        .status();
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Reset: the built-in text applies again.
    let fields = [
        ("org", org.as_str()),
        ("kind", "reply.disclosed"),
        ("action", "reset"),
    ];
    let reset = office
        .submit(&editor_page, "/console/letter-templates", &fields)
        .await;
    assert_eq!(reset.status(), StatusCode::SEE_OTHER);
    let (status, letter) = office
        .get_text(&format!("{plain}/letters/reply.disclosed"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(letter.contains("提起行政诉讼"));

    // Staff who do not handle the agency's requests can neither see nor change its
    // templates.
    let editor = app.signed_in(Role::Editor).await;
    let (status, _) = editor.get_text(&editor_page).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, own) = editor.get_text("/console/letter-templates").await;
    let fields = [
        ("org", org.as_str()),
        ("kind", "reply.disclosed"),
        ("body", "{申请人}："),
        ("action", "save"),
    ];
    let refused = editor
        .submit(
            "/console/letter-templates",
            "/console/letter-templates",
            &fields,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{own}");
}
