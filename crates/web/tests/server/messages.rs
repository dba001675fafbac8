//! Messages (留言) through the real server: the office opens a box; a citizen writes
//! and gets a serial and a private code; the office accepts, routes and transfers it;
//! only the unit it is with replies; the writer reads the reply and rates it once; the
//! office publishes it without the writer's details. A message received before the
//! National Day holiday is due after it, and once overdue it shows on the console's
//! home and in the month's figures. A closed box takes nothing.

use crate::helpers::{Client, TestApp, csrf_token, location};
use gongkai_domain::message::Category;
use gongkai_domain::role::Role;
use gongkai_store::messages::{self, MessageFields};
use reqwest::StatusCode;

const JUDICIARY: &str = "示例区司法局";
const FINANCE: &str = "示例区财政局";

/// Opens the box 区长信箱 of the government: 咨询 3 and 投诉 5 working days.
async fn open_box(app: &TestApp, office: &Client) -> String {
    let government = app.org_id("测试区人民政府").await.to_string();
    let form = [
        ("name", "区长信箱"),
        ("org", government.as_str()),
        ("open", "1"),
        ("days_consultation", "3"),
        ("days_complaint", "5"),
        ("max_workdays", "10"),
    ];
    let done = office
        .submit("/console/mailboxes", "/console/mailboxes", &form)
        .await;
    assert_eq!(location(&done), "/console/mailboxes");
    let (_, page) = office.get_text("/messages/new").await;
    let at = page.find("<option value=\"").unwrap() + "<option value=\"".len();
    page[at..at + page[at..].find('"').unwrap()].to_string()
}

/// Writes a message as a citizen; returns the serial and the code.
async fn write(citizen: &Client, mailbox: &str, body: &str) -> reqwest::Response {
    let form = [
        ("mailbox", mailbox),
        ("category", "complaint"),
        ("title", "小区门口路灯不亮"),
        ("body", body),
        ("name", "王五"),
        ("contact", "wangwu@example.com"),
        ("publish", "1"),
    ];
    citizen
        .submit("/messages/new", "/messages/new", &form)
        .await
}

fn strong(html: &str, after: &str) -> String {
    let at = html.find(after).unwrap() + after.len();
    let start = at + html[at..].find("<strong").unwrap();
    let start = start + html[start..].find('>').unwrap() + 1;
    html[start..start + html[start..].find('<').unwrap()].to_string()
}

/// Rates a reply: serial, code, CSRF token, score.
async fn rate(
    citizen: &Client,
    app: &TestApp,
    [serial, code, token, score]: [&str; 4],
) -> reqwest::Response {
    let form = [
        ("serial", serial),
        ("code", code),
        ("score", score),
        ("csrf_token", token),
    ];
    citizen
        .http
        .post(app.url("/messages/rate"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

async fn step(client: &Client, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client.submit(path, &format!("{path}/steps"), fields).await
}

#[tokio::test]
async fn a_message_goes_from_the_form_to_a_rated_published_reply() {
    let app = TestApp::spawn_with(|s| s.participation.max_message_chars = 100).await;
    let office = app.signed_in(Role::Office).await;
    let mailbox = open_box(&app, &office).await;
    let citizen = app.client();

    let long = write(&citizen, &mailbox, &"灯".repeat(101)).await;
    assert_eq!(long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        long.text()
            .await
            .unwrap()
            .contains("留言内容：不能超过 100 个字")
    );
    let done = write(&citizen, &mailbox, "西城路5号门口的路灯坏了一个月").await;
    assert_eq!(done.status(), StatusCode::OK);
    assert_eq!(done.headers()["cache-control"], "no-store");
    let page = done.text().await.unwrap();
    let (serial, code) = (strong(&page, "留言编号"), strong(&page, "查询码"));
    assert!(
        serial.starts_with("LY") && code.len() == 12,
        "{serial} {code}"
    );

    let (_, list) = office.get_text("/console/messages").await;
    let id = list
        .split("/console/messages/")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let path = format!("/console/messages/{id}");
    let (_, page) = office.get_text(&path).await;
    assert!(page.contains("王五") && page.contains("wangwu@example.com"));
    let early_reply = step(&office, &path, &[("step", "reply"), ("text", "已修复")]).await;
    assert_eq!(
        early_reply.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a new message is accepted first"
    );
    let accepted = step(&office, &path, &[("step", "accept")]).await;
    assert_eq!(location(&accepted), format!("{path}?done=accept"));
    let judiciary_id = app.org_id(JUDICIARY).await.to_string();
    let routed = step(&office, &path, &[("step", "route"), ("org", &judiciary_id)]).await;
    assert_eq!(location(&routed), format!("{path}?done=route"));
    let finance = app.org_id(FINANCE).await.to_string();
    let no_reason = step(
        &office,
        &path,
        &[("step", "transfer"), ("org", &finance), ("text", "")],
    )
    .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let moved = step(
        &office,
        &path,
        &[
            ("step", "transfer"),
            ("org", &finance),
            ("text", "属于财政局职责"),
        ],
    )
    .await;
    assert_eq!(location(&moved), format!("{path}?done=transfer"));

    // The judiciary handed it on: it may not reply; the finance bureau does.
    let judiciary = app.signed_in(Role::Editor).await;
    let (status, _) = judiciary.get_text(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let finance_editor = app.unit_editor("caizheng", FINANCE).await;
    let replied = step(
        &finance_editor,
        &path,
        &[("step", "reply"), ("text", "路灯已于本周修复。")],
    )
    .await;
    assert_eq!(location(&replied), format!("{path}?done=reply"));

    // The writer reads the reply and rates it, once.
    let tracked = citizen
        .submit(
            "/messages/track",
            "/messages/track",
            &[("serial", &serial), ("code", &code)],
        )
        .await;
    let page = tracked.text().await.unwrap();
    assert!(page.contains("路灯已于本周修复。") && page.contains("提交评价"));
    assert!(
        !page.contains("属于财政局职责"),
        "internal steps stay internal"
    );
    let token = csrf_token(&page);
    let rated = rate(&citizen, &app, [&serial, &code, &token, "5"]).await;
    assert!(rated.text().await.unwrap().contains("感谢您的评价"));
    let again = rate(&citizen, &app, [&serial, &code, &token, "1"]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().await.unwrap().contains("已经评价过了"));

    // Published as edited, without the writer, and never with a number in it.
    let leaked = step(
        &office,
        &path,
        &[
            ("step", "publish"),
            ("text", "王五（13712345678）反映路灯不亮，已修复。"),
        ],
    )
    .await;
    assert_eq!(leaked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        leaked
            .text()
            .await
            .unwrap()
            .contains("公开内容：含有个人信息（手机号码 137****5678）")
    );
    let published = step(
        &office,
        &path,
        &[("step", "publish"), ("text", "反映路灯不亮，已修复。")],
    )
    .await;
    assert_eq!(location(&published), format!("{path}?done=publish"));
    let (_, public) = citizen.get_text("/messages").await;
    assert!(
        public.contains("反映路灯不亮，已修复。")
            && !public.contains("王五")
            && !public.contains("西城路5号")
    );
    let api: serde_json::Value = citizen.get("/api/v1/messages").await.json().await.unwrap();
    assert_eq!(api["messages"][0]["text"], "反映路灯不亮，已修复。");
    assert!(!api.to_string().contains("wangwu"), "{api}");

    // A closed box takes nothing, not even from a form opened before it closed.
    let (_, form) = citizen.get_text("/messages/new").await;
    let token = csrf_token(&form);
    let edit = format!("/console/mailboxes/{mailbox}");
    let government = app.org_id("测试区人民政府").await.to_string();
    let close = [
        ("name", "区长信箱"),
        ("org", government.as_str()),
        ("days_complaint", "5"),
        ("max_workdays", "10"),
    ];
    office.submit(&edit, &edit, &close).await;
    let late = [
        ("mailbox", mailbox.as_str()),
        ("category", "complaint"),
        ("title", "再反映一次"),
        ("body", "路灯又坏了"),
        ("csrf_token", token.as_str()),
    ];
    let refused = citizen.post_form("/messages/new", &late).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("该信箱已关闭"));
}

#[tokio::test]
async fn a_message_before_the_national_day_is_due_after_it_and_overdue_shows_everywhere() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let mailbox: i64 = open_box(&app, &office).await.parse().unwrap();
    // Received on Tuesday 30 September 2025, 咨询, 3 working days: 1–8 October are the
    // holiday, so the days counted are 9 (Thu), 10 (Fri) and 11 October (Saturday, a
    // make-up working day): due on 2025-10-11.
    let fields = MessageFields {
        mailbox_id: gongkai_app::MailboxId(mailbox),
        category: Category::Consultation,
        title: "国庆前的咨询".to_string(),
        body: "请问灵活就业人员怎么交社保".to_string(),
        name: String::new(),
        contact: String::new(),
        publish_consent: false,
        received_on: chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap(),
        workdays: 3,
    };
    let mut tx = app
        .app
        .store
        .begin(gongkai_app::Actor::system("test"))
        .await
        .unwrap();
    let message = messages::create(&mut tx, &fields, "h", |y, n| format!("LY{y}-{n:05}"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (_, page) = office
        .get_text(&format!("/console/messages/{}", message.id))
        .await;
    assert!(page.contains("3 个工作日届满：2025-10-11；跳过法定节假日 2025-10-01 至 2025-10-08；调休上班日 2025-10-11 计入"), "{page}");
    assert!(page.contains("逾期"), "long past its due date");
    let (_, home) = office.get_text("/console").await;
    assert!(home.contains("逾期 1 件"), "{home}");
    let (_, stats) = office
        .get_text("/console/messages/stats?year=2025&month=9")
        .await;
    assert!(
        stats.contains("<td>测试区人民政府</td><td>1</td><td>0</td><td>0</td><td>1</td>"),
        "{stats}"
    );
    let sheet = office
        .get("/console/messages/stats.xlsx?year=2025&month=9")
        .await;
    assert!(sheet.bytes().await.unwrap().starts_with(b"PK"));
}

#[tokio::test]
async fn a_replied_consultation_becomes_an_entry_of_the_qa_library() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let mailbox = open_box(&app, &office).await;
    let form = [
        ("mailbox", mailbox.as_str()),
        ("category", "consultation"),
        ("title", "灵活就业人员怎么交养老保险"),
        ("body", "我是自由职业者，想自己交养老保险。"),
    ];
    app.client()
        .submit("/messages/new", "/messages/new", &form)
        .await;
    let (_, list) = office.get_text("/console/messages").await;
    let id = list
        .split("/console/messages/")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let path = format!("/console/messages/{id}");
    step(&office, &path, &[("step", "accept")]).await;
    step(
        &office,
        &path,
        &[
            ("step", "reply"),
            ("text", "可以个人身份参加职工基本养老保险。"),
        ],
    )
    .await;
    let entry = |topic: &'static str| {
        [
            ("code", "Q900"),
            ("question", "灵活就业人员如何参加养老保险？"),
            ("answer", "可以个人身份参加职工基本养老保险。"),
            ("topic", topic),
            ("basis", ""),
        ]
    };
    let wrong = office
        .submit(&path, &format!("{path}/qa"), &entry("天文"))
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("主题“天文”不在主题分类中")
    );
    let made = office
        .submit(&path, &format!("{path}/qa"), &entry("社会保险"))
        .await;
    assert_eq!(location(&made), format!("{path}?done=qa"));
    let entries: serde_json::Value = app.client().get("/api/v1/qa").await.json().await.unwrap();
    assert_eq!(entries["entries"][0]["code"], "Q900", "{entries}");
}
