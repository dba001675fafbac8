//! Disclosure requests through the real server: the public form refuses incomplete
//! requests, gives a serial and a private tracking code; the applicant tracks the
//! request with both and nobody else's; staff correct, extend and reply once.

use crate::helpers::{Client, TestApp, console_path, csrf_token, location, track};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

const ID_NUMBER: &str = "11010519491231002X";
const PHONE: &str = "13800000000";

/// Submits the public form; returns the response.
async fn submit(client: &Client, fields: &[(&str, &str)]) -> reqwest::Response {
    client
        .submit("/requests/new", "/requests/new", fields)
        .await
}

fn complete() -> Vec<(&'static str, &'static str)> {
    vec![
        ("applicant_type", "natural_person"),
        ("applicant_name", "张三"),
        ("id_number", ID_NUMBER),
        ("phone", PHONE),
        ("description", "2024年东城街道老旧小区改造项目的立项批复"),
        ("preferred_form", "电子文本"),
        ("delivery", "电子邮件"),
    ]
}

/// The text of the first `<strong class="code">` and the serial on a page.
fn code_of(html: &str) -> String {
    let start = html.find("<strong class=\"code\">").unwrap() + "<strong class=\"code\">".len();
    html[start..start + html[start..].find('<').unwrap()].to_string()
}

fn serial_of(html: &str) -> String {
    let at = html.find("〔").unwrap();
    let end = at + html[at..].find("号").unwrap() + "号".len();
    html[at..end].to_string()
}

#[tokio::test]
async fn a_request_is_submitted_tracked_corrected_extended_and_replied_to_once() {
    let app = TestApp::spawn().await;
    let applicant = app.client();

    // Incomplete: every missing part named, nothing saved.
    let incomplete = submit(
        &applicant,
        &[
            ("applicant_type", "natural_person"),
            ("applicant_name", "张三"),
            ("id_number", "110105194912310021"),
        ],
    )
    .await;
    assert_eq!(incomplete.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = incomplete.text().await.unwrap();
    assert!(
        page.contains("身份证件号码") && page.contains("联系方式") && page.contains("所需信息"),
        "{page}"
    );
    let office = app.signed_in(Role::Office).await;
    let (_, list) = office.get_text("/console/requests").await;
    assert!(list.contains("申请 0 件"), "nothing saved");

    // Complete: a serial and a tracking code, shown once, not cached.
    let submitted = submit(&applicant, &complete()).await;
    assert_eq!(submitted.status(), StatusCode::OK);
    assert_eq!(submitted.headers()["cache-control"], "no-store");
    let page = submitted.text().await.unwrap();
    let (serial, code) = (serial_of(&page), code_of(&page));
    assert!(serial.ends_with("第0001号"), "{serial}");
    assert_eq!(code.len(), 12);

    // Tracking needs serial and code together; the page shows no personal data.
    let (status, status_page) = track(&applicant, &serial, &code).await;
    assert_eq!(status, StatusCode::OK);
    assert!(status_page.contains("办理中") && status_page.contains("答复期限"));
    assert!(!status_page.contains(ID_NUMBER) && !status_page.contains(PHONE));
    let (status, wrong) = track(&applicant, &serial, "ABCDEFGHJKMN").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(wrong.contains("未找到该申请") && !wrong.contains("张三"));
    let second = submit(&app.client(), &complete())
        .await
        .text()
        .await
        .unwrap();
    let (status, _) = track(&applicant, &serial_of(&second), &code).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "my code opens no other request"
    );

    // Staff: the applicant's identity is for those who handle requests only.
    let path = console_path(&office, &serial).await;
    let (_, detail) = office.get_text(&path).await;
    assert!(detail.contains(ID_NUMBER) && detail.contains("起算：收到申请之日"));
    let editor = app.signed_in(Role::Editor).await;
    assert_eq!(editor.get(&path).await.status(), StatusCode::FORBIDDEN);

    // Correction restarts the clock; the notice goes once.
    let today = gongkai_app::documents::today().to_string();
    let step = |fields: Vec<(&'static str, String)>| {
        let office = &office;
        let path = path.clone();
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            office
                .submit(&path, &format!("{path}/steps"), &fields)
                .await
        }
    };
    let notice = step(vec![
        ("kind", "correction_notice".into()),
        ("on", today.clone()),
    ])
    .await;
    assert_eq!(notice.status(), StatusCode::SEE_OTHER);
    let again = step(vec![
        ("kind", "correction_notice".into()),
        ("on", today.clone()),
    ])
    .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let corrected = step(vec![("kind", "corrected".into()), ("on", today.clone())]).await;
    assert_eq!(corrected.status(), StatusCode::SEE_OTHER);
    let (_, detail) = office.get_text(&path).await;
    assert!(detail.contains("起算：收到补正后申请之日"));

    // Extension: approval and at most 20 working days.
    let unapproved = step(vec![
        ("kind", "extension".into()),
        ("on", today.clone()),
        ("workdays", "10".into()),
    ])
    .await;
    assert_eq!(unapproved.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unapproved.text().await.unwrap().contains("批准人"));
    let too_long = step(vec![
        ("kind", "extension".into()),
        ("on", today.clone()),
        ("workdays", "21".into()),
        ("note", "李主任".into()),
    ])
    .await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let extended = step(vec![
        ("kind", "extension".into()),
        ("on", today.clone()),
        ("workdays", "20".into()),
        ("note", "李主任".into()),
    ])
    .await;
    assert_eq!(extended.status(), StatusCode::SEE_OTHER);
    let (_, detail) = office.get_text(&path).await;
    assert!(detail.contains("延长：经政府信息公开工作机构负责人同意延长 20 个工作日"));

    // The annual report of this year counts both requests, neither handled yet.
    let before = annual_report(&office).await;
    assert_eq!(before["section3_requests"]["received"]["total"], 2);
    assert_eq!(before["section3_requests"]["handled"]["total"], 0);
    assert_eq!(before["section3_requests"]["carried_forward"]["total"], 2);

    // One reply, with its outcome; the applicant sees it.
    let reply = [("outcome", "disclosed"), ("on", today.as_str())];
    let replied = office.submit(&path, &format!("{path}/reply"), &reply).await;
    assert_eq!(replied.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&replied), format!("{path}?done=1"));
    let (_, detail) = office.get_text(&path).await;
    assert!(
        detail.contains("第三十六条"),
        "the default legal basis is recorded"
    );
    let twice = office
        .post_form(
            &format!("{path}/reply"),
            &[
                ("outcome", "other_else"),
                ("on", today.as_str()),
                ("csrf_token", &csrf_token(&detail)),
            ],
        )
        .await;
    assert_eq!(twice.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, status_page) = track(&applicant, &serial, &code).await;
    assert!(status_page.contains("已答复") && status_page.contains("予以公开"));

    // The report changed: one handled, disclosed, by a natural person; one left.
    let after = annual_report(&office).await;
    let requests = &after["section3_requests"];
    assert_eq!(requests["handled"]["total"], 1);
    assert_eq!(requests["outcomes"][0]["outcome"], "disclosed");
    assert_eq!(requests["outcomes"][0]["counts"]["natural_person"], 1);
    assert_eq!(requests["carried_forward"]["total"], 1);
    assert_eq!(after["consistent"], true);
}

/// This year's annual report of the office's government, as JSON.
async fn annual_report(office: &Client) -> serde_json::Value {
    let year = chrono::Datelike::year(&gongkai_app::documents::today());
    let response = office
        .get(&format!(
            "/console/reports/annual/download?year={year}&format=json"
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn staff_enter_a_posted_request_with_its_receipt_evidence() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let mut fields = complete();
    fields.extend([("channel", "post"), ("received_on", "2025-01-24")]);
    let refused = office
        .submit("/console/requests/new", "/console/requests/new", &fields)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("收到日期的凭据"));
    fields.push(("receipt_evidence", "EMS 1234567890 签收单"));
    let entered = office
        .submit("/console/requests/new", "/console/requests/new", &fields)
        .await;
    assert_eq!(entered.status(), StatusCode::OK);
    let page = entered.text().await.unwrap();
    assert!(page.contains("〔2025〕第0001号") && page.contains("查询码只显示这一次"));
    // Worked by hand in the domain's tests: received Fri 2025-01-24 -> 2025-02-27.
    assert!(page.contains("2025-02-27"));
    assert!(page.contains("跳过法定节假日 2025-01-28 至 2025-02-04"));
    let code = code_of(&page);
    let (status, _) = track(&app.client(), "〔2025〕第0001号", &code).await;
    assert_eq!(status, StatusCode::OK);

    // A reconsideration, pending, then decided with its date.
    let path = console_path(&office, "〔2025〕第0001号").await;
    let early = [("kind", "reconsideration"), ("filed_on", "2025-01-01")];
    let refused = office.submit(&path, &format!("{path}/cases"), &early).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let filed = [
        ("kind", "reconsideration"),
        ("filed_on", "2025-03-10"),
        ("note", "申请人不服答复"),
    ];
    let added = office.submit(&path, &format!("{path}/cases"), &filed).await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let (_, detail) = office.get_text(&path).await;
    assert!(
        detail.contains("2025-03-10 行政复议：<strong>尚未审结</strong>"),
        "{detail}"
    );
    let case = {
        let at = detail.find("name=\"case\" value=\"").unwrap() + "name=\"case\" value=\"".len();
        detail[at..at + detail[at..].find('"').unwrap()].to_string()
    };
    let undated = [
        ("case", case.as_str()),
        ("result", "upheld"),
        ("decided_on", ""),
    ];
    let refused = office
        .submit(&path, &format!("{path}/cases/decide"), &undated)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let decided = [
        ("case", case.as_str()),
        ("result", "upheld"),
        ("decided_on", "2025-05-06"),
    ];
    let done = office
        .submit(&path, &format!("{path}/cases/decide"), &decided)
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, detail) = office.get_text(&path).await;
    assert!(
        detail.contains("<strong>结果维持</strong>（2025-05-06）"),
        "{detail}"
    );
}

#[tokio::test]
async fn the_demo_requests_show_each_stage() {
    let app = TestApp::spawn().await;
    gongkai_app::demo::seed_requests(&app.app).await.unwrap();
    let office = app.signed_in(Role::Office).await;
    let (_, list) = office.get_text("/console/requests").await;
    assert!(list.contains("申请 11 件"), "{list}");
    assert!(list.contains("已答复"));
    let (status, detail) = office.get_text("/console/requests/2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        detail.contains("中止：") && detail.contains("延长："),
        "{detail}"
    );
}

#[tokio::test]
async fn the_due_list_keeps_open_requests_due_soon_or_overdue() {
    let app = TestApp::spawn().await;
    gongkai_app::demo::seed_requests(&app.app).await.unwrap();
    let office = app.signed_in(Role::Office).await;
    // Received 3 days ago: due in more than 10 working days; the answered one never.
    let (_, soon) = office.get_text("/console/requests?within=0").await;
    assert!(!soon.contains("王某") && !soon.contains("赵某"), "{soon}");
    let (_, all) = office.get_text("/console/requests?within=60").await;
    assert!(all.contains("王某") && !all.contains("赵某"), "{all}");
    let (_, home) = office.get_text("/console").await;
    assert!(
        home.contains("5个工作日内到期及已逾期的依申请公开"),
        "{home}"
    );
}

#[tokio::test]
async fn the_form_requirement_is_chosen_from_article_29s_options_or_written_as_other() {
    let app = TestApp::spawn().await;
    let (_, form) = app.client().get_text("/requests/new").await;
    for option in [
        "纸质文本",
        "电子文本",
        "光盘",
        "邮寄",
        "电子邮件",
        "当面领取",
        "其他",
    ] {
        assert!(form.contains(&format!("value=\"{option}\"")), "{option}");
    }
    assert!(form.contains("type=\"radio\" id=\"delivery-1\" name=\"delivery\""));
    let mut fields = complete();
    fields.retain(|(k, _)| *k != "delivery");
    fields.push(("delivery", "其他"));
    let refused = app
        .client()
        .submit("/requests/new", "/requests/new", &fields)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("获取信息的途径：选择“其他”时请写明具体要求"),
        "{page}"
    );
    assert!(
        page.contains("value=\"其他\" checked"),
        "the choice is shown again"
    );
    fields.push(("delivery_other", "寄到单位收发室"));
    let submitted = app
        .client()
        .submit("/requests/new", "/requests/new", &fields)
        .await;
    assert_eq!(submitted.status(), StatusCode::OK);
    let office = app.signed_in(Role::Office).await;
    let serial = code_serial(&submitted.text().await.unwrap());
    let path = console_path(&office, &serial).await;
    let (_, detail) = office.get_text(&path).await;
    assert!(detail.contains("其他：寄到单位收发室"), "{detail}");
    assert!(detail.contains("电子文本"));
}

/// The serial on the page shown after submitting.
fn code_serial(page: &str) -> String {
    let at = page.find("〔").unwrap();
    let end = at + page[at..].find("号").unwrap() + "号".len();
    page[at..end].to_string()
}
