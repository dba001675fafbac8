//! Handling a request through the real server beyond the clock: assignment to the unit
//! holding the information (whose staff then see it and add notes, and nothing more),
//! transfer with a reason, the fee notice and payment with the clock stopped between,
//! the outcomes that need them, and the delivery of the reply.

use crate::helpers::{Client, TestApp, submit_request, track};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

async fn step(client: &Client, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client.submit(path, &format!("{path}/steps"), fields).await
}

#[tokio::test]
async fn a_request_is_assigned_transferred_charged_paid_replied_and_delivered() {
    let app = TestApp::spawn().await;
    let (serial, code) = submit_request(&app).await;
    let office = app.signed_in(Role::Office).await;
    let editor = app.signed_in(Role::Editor).await;
    let path = "/console/requests/1";
    let today = gongkai_app::documents::today().to_string();
    let judiciary = app.org_id("示例区司法局").await.to_string();
    let finance = app.org_id("示例区财政局").await.to_string();

    // Before assignment the unit's staff do not see the request.
    assert_eq!(editor.get(path).await.status(), StatusCode::FORBIDDEN);
    let transfer_first = step(
        &office,
        path,
        &[
            ("kind", "transfer"),
            ("org", &finance),
            ("on", &today),
            ("note", "x"),
        ],
    )
    .await;
    assert_eq!(transfer_first.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let assigned = step(
        &office,
        path,
        &[("kind", "assign"), ("org", &judiciary), ("on", &today)],
    )
    .await;
    assert_eq!(assigned.status(), StatusCode::SEE_OTHER);
    let (_, detail) = office.get_text(path).await;
    assert!(detail.contains("承办单位</dt><dd>示例区司法局"), "{detail}");

    // The unit sees it and adds notes; it takes no other step.
    let (status, _) = editor.get_text("/console/requests").await;
    assert_eq!(status, StatusCode::OK);
    let (status, seen) = editor.get_text(path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(seen.contains(&serial));
    let noted = step(
        &editor,
        path,
        &[
            ("kind", "note"),
            ("on", &today),
            ("note", "经查，该统计由本局法律援助中心保存"),
        ],
    )
    .await;
    assert_eq!(noted.status(), StatusCode::SEE_OTHER);
    let refused = step(
        &editor,
        path,
        &[("kind", "correction_notice"), ("on", &today)],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // The unit attaches its material; the office downloads it; it is in the timeline.
    let (_, page) = editor.get_text(path).await;
    let token = crate::helpers::csrf_token(&page);
    let form = reqwest::multipart::Form::new().text("note", "统计表").part(
        "file",
        reqwest::multipart::Part::bytes("序号,案件数\n1,12\n".as_bytes().to_vec())
            .file_name("法律援助统计.csv"),
    );
    let uploaded = editor
        .http
        .post(app.url(&format!("{path}/files?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), StatusCode::SEE_OTHER);
    let (_, detail) = office.get_text(path).await;
    assert!(
        detail.contains("附件：法律援助统计.csv（统计表）"),
        "{detail}"
    );
    let at = detail.find(&format!("{path}/files/")).unwrap();
    let link = detail[at..at + detail[at..].find('"').unwrap()].to_string();
    let file = office.get(&link).await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.text().await.unwrap(), "序号,案件数\n1,12\n");
    let exe = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(b"MZ".to_vec()).file_name("x.exe"),
    );
    let (_, page) = editor.get_text(path).await;
    let token = crate::helpers::csrf_token(&page);
    let bad = editor
        .http
        .post(app.url(&format!("{path}/files?csrf_token={token}")))
        .multipart(exe)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A transfer needs its reason; then the request is the other unit's.
    let no_reason = step(
        &office,
        path,
        &[("kind", "transfer"), ("org", &finance), ("on", &today)],
    )
    .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.text().await.unwrap().contains("转办理由"));
    let transferred = step(
        &office,
        path,
        &[
            ("kind", "transfer"),
            ("org", &finance),
            ("on", &today),
            ("note", "经费数据由财政局掌握"),
        ],
    )
    .await;
    assert_eq!(transferred.status(), StatusCode::SEE_OTHER);
    assert_eq!(editor.get(path).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        editor.get(link.as_str()).await.status(),
        StatusCode::FORBIDDEN,
        "nor its files"
    );

    // Fees: the first request of the month is free by the piece; 250 pages cost
    // 30×0 + 70×10 + 100×20 + 50×40 = 4 700 元 (rules.md's worked example).
    let free = step(
        &office,
        path,
        &[
            ("kind", "fee_notice"),
            ("method", "per_request"),
            ("on", &today),
        ],
    )
    .await;
    assert_eq!(free.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(free.text().await.unwrap().contains("不收费"));
    let notice = step(
        &office,
        path,
        &[
            ("kind", "fee_notice"),
            ("method", "per_page"),
            ("pages", "250"),
            ("on", &today),
        ],
    )
    .await;
    assert_eq!(notice.status(), StatusCode::SEE_OTHER);
    let (_, detail) = office.get_text(path).await;
    assert!(detail.contains("应缴 4700 元"), "{detail}");
    assert!(detail.contains("等待缴纳信息处理费"), "the clock stops");
    let (status, letter) = office.get_text(&format!("{path}/letters/fee_notice")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        letter.contains("应缴金额：4700元") && letter.contains("按量计收：250 页"),
        "{letter}"
    );
    let docx = office
        .get(&format!("{path}/letters/fee_notice/docx"))
        .await
        .bytes()
        .await
        .unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip::ZipArchive::new(std::io::Cursor::new(docx.to_vec()))
            .unwrap()
            .by_name("word/document.xml")
            .unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("4700"), "the Word notice states the amount");
    let unpaid = office
        .submit(
            path,
            &format!("{path}/reply"),
            &[("outcome", "other_unpaid_fee"), ("on", &today)],
        )
        .await;
    assert_eq!(
        unpaid.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the payment window has not ended"
    );
    let no_correction = office
        .submit(
            path,
            &format!("{path}/reply"),
            &[("outcome", "other_no_correction"), ("on", &today)],
        )
        .await;
    assert_eq!(no_correction.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The applicant sees the fee, never the internal steps.
    let (_, tracked) = track(&app.client(), &serial, &code).await;
    assert!(tracked.contains("应缴信息处理费 4700 元"), "{tracked}");
    for internal in ["法律援助中心", "交办", "转办", "内部备注", "财政局"] {
        assert!(!tracked.contains(internal), "{internal} leaked: {tracked}");
    }

    let paid = step(&office, path, &[("kind", "fee_paid"), ("on", &today)]).await;
    assert_eq!(paid.status(), StatusCode::SEE_OTHER);
    let early = step(
        &office,
        path,
        &[("kind", "delivery"), ("on", &today), ("note", "电子邮件")],
    )
    .await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let replied = office
        .submit(
            path,
            &format!("{path}/reply"),
            &[("outcome", "disclosed"), ("on", &today)],
        )
        .await;
    assert_eq!(replied.status(), StatusCode::SEE_OTHER);
    let delivered = step(
        &office,
        path,
        &[("kind", "delivery"), ("on", &today), ("note", "电子邮件")],
    )
    .await;
    assert_eq!(delivered.status(), StatusCode::SEE_OTHER);
    let (_, detail) = office.get_text(path).await;
    assert!(detail.contains("送达答复：电子邮件"), "{detail}");

    // A correction is a new event after the one reply; the applicant sees it.
    let blank = step(
        &office,
        path,
        &[("kind", "reply_correction"), ("on", &today)],
    )
    .await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let corrected = step(
        &office,
        path,
        &[
            ("kind", "reply_correction"),
            ("on", &today),
            ("note", "答复书所附统计表页码更正为第3页"),
        ],
    )
    .await;
    assert_eq!(corrected.status(), StatusCode::SEE_OTHER);
    let (_, tracked) = track(&app.client(), &serial, &code).await;
    assert!(
        tracked.contains("更正答复：答复书所附统计表页码更正为第3页"),
        "{tracked}"
    );
    assert!(tracked.contains("予以公开"), "the reply's outcome stands");
    let api: serde_json::Value = app
        .client()
        .http
        .post(app.url("/api/v1/requests/track"))
        .json(&serde_json::json!({"serial": serial, "code": code}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let texts: Vec<&serde_json::Value> = api["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["text"])
        .filter(|t| !t.is_null())
        .collect();
    assert_eq!(
        texts,
        ["答复书所附统计表页码更正为第3页"],
        "only the correction's text"
    );
}

#[tokio::test]
async fn a_request_to_a_department_is_its_own_and_its_government_counts_it_with_its_units() {
    let app = TestApp::spawn().await;
    let judiciary = app.org_id("示例区司法局").await.to_string();
    let fields = [
        ("agency", judiciary.as_str()),
        ("applicant_type", "legal_service"),
        ("applicant_name", "某律师事务所"),
        ("id_number", "91350100M000100Y43"),
        ("email", "lawyer@example.com"),
        ("description", "2024年行政复议案件统计"),
    ];
    let client = app.client();
    let submitted = client
        .submit("/requests/new", "/requests/new", &fields)
        .await;
    assert_eq!(submitted.status(), StatusCode::OK);
    let nowhere = [("agency", "99999"), ("applicant_type", "natural_person")];
    let refused = client
        .submit("/requests/new", "/requests/new", &nowhere)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("受理机关"));

    let admin = app.signed_in(Role::Admin).await;
    let (_, detail) = admin.get_text("/console/requests/1").await;
    assert!(detail.contains("受理机关</dt><dd>示例区司法局"), "{detail}");

    let year = chrono::Datelike::year(&gongkai_app::documents::today());
    let report = |org: &str, units: bool| {
        let admin = &admin;
        let path = format!(
            "/console/reports/annual/download?org={org}&year={year}&format=json{}",
            if units { "&units=1" } else { "" }
        );
        async move {
            let json: serde_json::Value = admin.get(&path).await.json().await.unwrap();
            json["section3_requests"]["received"].clone()
        }
    };
    let government = app.org_id("测试区人民政府").await.to_string();
    assert_eq!(report(&judiciary, false).await["legal_service"], 1);
    assert_eq!(report(&government, false).await["total"], 0);
    assert_eq!(report(&government, true).await["total"], 1);
}
