//! What citizens read of their request: the plain outcome and its legal basis on the
//! tracking page (not the annual report's counting notes), a 部分公开 letter that
//! states why the rest is withheld, letter names without doubled numbering, and the
//! caveat of a due date counted over a year whose holiday notice is not loaded.

use crate::helpers::{TestApp, console_path, submit_request, track};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn the_tracking_page_shows_the_plain_outcome_and_its_legal_basis() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let (serial, code) = submit_request(&app).await;
    let path = console_path(&office, &serial).await;
    let today = gongkai_app::documents::today().to_string();
    let missing = [("outcome", "partly_disclosed"), ("on", today.as_str())];
    let refused = office
        .submit(&path, &format!("{path}/reply"), &missing)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("不予公开的理由"));
    let fields = [
        ("outcome", "partly_disclosed"),
        ("on", today.as_str()),
        ("withheld", "withheld_third_party"),
    ];
    let replied = office
        .submit(&path, &format!("{path}/reply"), &fields)
        .await;
    assert_eq!(replied.status(), StatusCode::SEE_OTHER);

    let (status, html) = track(&app.client(), &serial, &code).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("已答复（{today}）：部分公开</dd>")),
        "{html}"
    );
    assert!(
        !html.contains("区分处理的"),
        "the report's counting note is not an outcome"
    );
    assert!(
        html.contains("<dt>法律依据</dt><dd>《中华人民共和国政府信息公开条例》第三十七条</dd>"),
        "{html}"
    );

    // The reply letter states the reason of the withheld part.
    let (status, letter) = office
        .get_text(&format!("{path}/letters/reply.partly_disclosed"))
        .await;
    assert_eq!(status, StatusCode::OK, "{letter}");
    assert!(!letter.contains("理由如上"), "{letter}");
    assert!(
        letter.contains("其余部分涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，根据《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定不予公开"),
        "{letter}"
    );
}

#[tokio::test]
async fn a_withheld_reply_reads_as_the_reason_not_the_report_row() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let (serial, code) = submit_request(&app).await;
    let path = console_path(&office, &serial).await;
    let today = gongkai_app::documents::today().to_string();
    let fields = [("outcome", "withheld_state_secret"), ("on", today.as_str())];
    let replied = office
        .submit(&path, &format!("{path}/reply"), &fields)
        .await;
    assert_eq!(replied.status(), StatusCode::SEE_OTHER);
    let (_, html) = track(&app.client(), &serial, &code).await;
    assert!(html.contains("：不予公开：属于国家秘密</dd>"), "{html}");
    assert!(!html.contains("1.属于国家秘密"));
}

#[tokio::test]
async fn letter_names_say_the_outcome_once() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let (_, page) = office.get_text("/console/letter-templates").await;
    assert!(
        page.contains("政府信息公开申请答复书（予以公开）"),
        "{page}"
    );
    assert!(page.contains("政府信息公开申请答复书（不予公开：属于国家秘密）"));
    assert!(!page.contains("（（"), "no doubled numbering");
}

#[tokio::test]
async fn a_due_date_over_a_year_without_its_notice_carries_the_caveat_for_the_applicant() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let fields = [
        ("applicant_type", "natural_person"),
        ("applicant_name", "张三"),
        ("id_number", "11010519491231002X"),
        ("phone", "13800000000"),
        ("description", "2026年东城街道老旧小区改造项目的立项批复"),
        ("channel", "post"),
        ("received_on", "2026-12-07"),
        ("receipt_evidence", "EMS 1234567890 签收单"),
    ];
    let entered = office
        .submit("/console/requests/new", "/console/requests/new", &fields)
        .await;
    assert_eq!(entered.status(), StatusCode::OK);
    let page = entered.text().await.unwrap();
    let marker = "<strong class=\"code\">";
    let at = page.find(marker).unwrap() + marker.len();
    let code = page[at..at + page[at..].find('<').unwrap()].to_string();
    let serial_at = page.find("〔2026〕").unwrap();
    let serial = &page[serial_at..serial_at + page[serial_at..].find("号").unwrap() + "号".len()];
    // Received Mon 2026-12-07: 18 working days to 12-31, 元旦 2027 off by law, 01-04 and
    // 01-05. The 2027 notice is not loaded: the applicant is told the date may move.
    let (_, html) = track(&app.client(), serial, &code).await;
    assert!(html.contains("2027-01-05"), "{html}");
    assert!(
        html.contains("2027年的节假日安排尚未载入") && html.contains("临时结果"),
        "{html}"
    );
}
