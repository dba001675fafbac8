//! The records the annual report tests store: a government with its units, requests
//! with their replies, rule-making documents, and readers of what comes out.

use chrono::NaiveDate;
use gongkai_app::config::Settings;
use gongkai_app::{Actor, App, OrgId};
use gongkai_domain::annual_report::{ApplicantType, Outcome};
use gongkai_domain::request::Channel;
use gongkai_domain::validity::Validity;
use gongkai_store::documents::DocumentFields;
use gongkai_store::requests::{self, RequestFields};

pub fn day(s: &str) -> NaiveDate {
    gongkai_domain::calendar::parse_date(s).unwrap()
}

pub fn operator() -> Actor {
    Actor::system("test")
}

pub async fn app_with_units(dir: &std::path::Path) -> (App, OrgId, OrgId) {
    let app = App::open(dir.to_path_buf(), Settings::default())
        .await
        .unwrap();
    let file = dir.join("units.csv");
    std::fs::write(
        &file,
        "名称,上级单位,类型\n某区人民政府,,政府\n某区教育局,某区人民政府,部门\n",
    )
    .unwrap();
    gongkai_app::orgs::import_file(&app.store, operator(), &file)
        .await
        .unwrap();
    let find = |name: &'static str| {
        let app = &app;
        async move { gongkai_app::users::find_org(app, name).await.unwrap() }
    };
    let government = find("某区人民政府").await;
    let education = find("某区教育局").await;
    (app, government, education)
}

/// One request: agency, applicant, receipt, and the reply if any.
pub struct Case {
    pub org: OrgId,
    pub applicant: ApplicantType,
    pub received: &'static str,
    pub reply: Option<(&'static str, Outcome)>,
}

pub async fn store_request(app: &App, case: &Case, n: usize) -> gongkai_store::RequestId {
    let fields = RequestFields {
        org_id: case.org,
        applicant_type: case.applicant,
        applicant_name: format!("申请人{n}"),
        id_number: "11010519491231002X".to_string(),
        phone: "13800000000".to_string(),
        email: String::new(),
        address: String::new(),
        description: format!("第{n}项政府信息"),
        doc_reference: String::new(),
        purpose: String::new(),
        preferred_form: String::new(),
        delivery: String::new(),
        channel: Channel::Post,
        receipt_evidence: "挂号信签收单".to_string(),
        received_on: day(case.received),
    };
    let mut tx = app.store.begin(operator()).await.unwrap();
    let request = requests::create(&mut tx, &fields, &format!("hash-{n}"), |y, k| {
        format!("{y}-{k}")
    })
    .await
    .unwrap();
    if let Some((on, outcome)) = case.reply {
        requests::reply(
            &mut tx,
            request.id,
            day(on),
            outcome,
            outcome.legal_basis_zh(),
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    request.id
}

pub fn rule(title: &str, issuer: OrgId, genre: &str, written: &str) -> DocumentFields {
    DocumentFields {
        title: title.to_string(),
        doc_number: String::new(),
        doc_number_key: String::new(),
        issuer_id: Some(issuer),
        issuer_name: String::new(),
        topic: "综合政务".to_string(),
        genre: genre.to_string(),
        normative: genre != "令",
        validity: Validity::Valid,
        effective_on: None,
        expires_on: None,
        written_on: Some(day(written)),
        published_on: Some(day(written)),
        disclosure: gongkai_domain::disclosure::DisclosureAttribute::Proactive,
        interpretation_form: None,
        body_html: "<p>正文</p>".to_string(),
        body_text: "正文".to_string(),
    }
}

/// An administrator of the whole platform (the top unit and everything below it).
pub async fn admin(app: &App) -> gongkai_app::access::CurrentUser {
    let input = gongkai_app::users::AccountInput {
        username: "admin".to_string(),
        display_name: "管理员".to_string(),
        password: "Gongkai-Test-2026!".to_string(),
        role: gongkai_domain::role::Role::Admin,
        org: "某区人民政府".to_string(),
    };
    let user = gongkai_app::users::add(app, operator(), &input)
        .await
        .unwrap();
    gongkai_app::access::CurrentUser {
        id: user.id,
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        grants: user.grants.clone(),
    }
}

pub fn document_xml(docx: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}
