//! The demonstration content of `gongkai serve --demo`: a district government, its
//! units, and one account per role, so that a newcomer sees a living portal.

mod assessment;
mod columns;
mod consultations;
mod documents;
mod ledgers;
mod messages;
mod requests;
mod review;

use crate::users::{AccountInput, add, generate_password};
use crate::{App, Result};
pub use documents::{GeneratedDocument, store_documents};
use gongkai_domain::org::OrgKind;
use gongkai_domain::role::Role;
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::{Actor, OrgId};

/// A demo account and its password, to be shown once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub role: Role,
    pub username: String,
    pub password: String,
}

/// The demo government's units: name, kind, aliases, telephone, address (fictitious).
const UNITS: [(&str, OrgKind, &[&str], &str, &str); 12] = [
    (
        "示例区人民政府办公室",
        OrgKind::Department,
        &["区府办", "区政府办", "区政府办公室"],
        "023-00000001",
        "示例区人民路1号",
    ),
    (
        "示例区发展和改革委员会",
        OrgKind::Department,
        &["区发展改革委", "区发改委"],
        "023-00000002",
        "示例区人民路1号",
    ),
    (
        "示例区司法局",
        OrgKind::Department,
        &["区司法局"],
        "023-00000003",
        "示例区和平街8号",
    ),
    (
        "示例区财政局",
        OrgKind::Department,
        &["区财政局"],
        "023-00000004",
        "示例区人民路3号",
    ),
    (
        "示例区政务服务管理办公室",
        OrgKind::Department,
        &["区政务服务办", "区政务办"],
        "023-00000005",
        "示例区政务服务中心",
    ),
    (
        "示例区规划和自然资源局",
        OrgKind::Department,
        &["区规划自然资源局"],
        "023-00000006",
        "示例区建设路16号",
    ),
    (
        "东城街道办事处",
        OrgKind::Street,
        &["东城街道"],
        "023-00000011",
        "示例区东城路2号",
    ),
    (
        "西城街道办事处",
        OrgKind::Street,
        &["西城街道"],
        "023-00000012",
        "示例区西城路5号",
    ),
    (
        "南岸街道办事处",
        OrgKind::Street,
        &["南岸街道"],
        "023-00000013",
        "示例区滨江路9号",
    ),
    (
        "青山镇人民政府",
        OrgKind::Town,
        &["青山镇"],
        "023-00000021",
        "示例区青山镇青山街1号",
    ),
    (
        "示例区档案馆",
        OrgKind::Institution,
        &["区档案馆"],
        "023-00000031",
        "示例区文化路4号",
    ),
    (
        "示例区融媒体中心",
        OrgKind::Institution,
        &["区融媒体中心"],
        "023-00000032",
        "示例区文化路6号",
    ),
];

/// The five seed documents (public work plans of district and county governments,
/// 2019–2022) shown in the demo's policy library.
const SEED_DOCUMENTS: [&str; 5] = [
    include_str!("../../../../fixtures/seeds/000_3335da6467c3606d.txt"),
    include_str!("../../../../fixtures/seeds/001_6b141d89c3fcc9de.txt"),
    include_str!("../../../../fixtures/seeds/002_cc9e57af21d3afad.txt"),
    include_str!("../../../../fixtures/seeds/003_d83b70daa609b1f7.txt"),
    include_str!("../../../../fixtures/seeds/004_2f6965311e0af134.txt"),
];

/// The demo government's disclosure office, as its guide names it.
pub fn office() -> crate::config::OfficeSettings {
    crate::config::OfficeSettings {
        name: "示例区人民政府办公室（区政务公开办）".to_string(),
        address: "示例区人民路1号".to_string(),
        postcode: "400000".to_string(),
        hours: "工作日上午9:00—12:00，下午13:30—17:30".to_string(),
        phone: "023-60000000".to_string(),
        fax: "023-60000001".to_string(),
        email: "gongkai@example.gov.cn".to_string(),
    }
}

/// Fills an empty database with the demo government, its units and accounts, and
/// imports the seed documents into the policy library.
pub async fn seed(app: &App) -> Result<Vec<DemoAccount>> {
    let actor = Actor::system("demo");
    let accounts = seed_directory(app, &actor).await?;
    for text in SEED_DOCUMENTS {
        crate::documents::import_text(app, &actor, text).await?;
    }
    Ok(accounts)
}

/// A 司法局 notice in review whose body still names a contact's mobile and e-mail
/// (`gongkai serve --demo`; the document after the seeds).
pub async fn seed_review(app: &App) -> Result<()> {
    review::seed(app, &Actor::system("demo"), UNITS[2].0).await
}

/// Documents of 法定主动公开内容 and every document's columns confirmed (`gongkai
/// serve --demo`).
pub async fn seed_columns(app: &App) -> Result<()> {
    columns::seed(app, &Actor::system("demo")).await
}

/// Last year's annual report of the demo government, published on the platform as
/// `render_html` renders it (`gongkai serve --demo`); left unpublished when the demo's
/// records do not add up (the office would not publish it either).
pub async fn seed_annual_report(
    app: &App,
    render_html: impl FnOnce(&crate::annual_report::AnnualReport) -> Result<String>,
) -> Result<()> {
    let Some(government) = crate::orgs::roots(app).await?.first().map(|o| o.id) else {
        return Ok(());
    };
    let year = chrono::Datelike::year(&crate::documents::today()) - 1;
    let report = crate::annual_report::compute(app, government, year, false).await?;
    if report.identities.iter().all(|i| i.holds()) {
        let actor = Actor::system("demo");
        crate::annual_report::publishing::publish_report(
            app,
            actor,
            government,
            &report,
            render_html,
        )
        .await?;
    }
    Ok(())
}

/// This year's assessment scheme (`gongkai serve --demo`).
pub async fn seed_assessment(app: &App) -> Result<()> {
    assessment::seed(app, &Actor::system("demo")).await
}

/// A few disclosure requests at different stages (`gongkai serve --demo`).
pub async fn seed_requests(app: &App) -> Result<()> {
    requests::seed(app, &Actor::system("demo")).await
}

/// Consultations on drafts: open, short with a reason, and closed with its 采纳情况
/// published (`gongkai serve --demo`).
pub async fn seed_consultations(app: &App) -> Result<()> {
    consultations::seed(app, &Actor::system("demo")).await
}

/// The boxes of messages (区长信箱, 政策咨询, 我为政府网站找错) with messages at every
/// stage (`gongkai serve --demo`).
pub async fn seed_messages(app: &App) -> Result<()> {
    messages::seed(app, &Actor::system("demo")).await
}

/// The entries of the policy Q&A library (`fixtures/qa/entries.csv`, generic answers
/// valid nationally) (`gongkai serve --demo`).
pub async fn seed_qa(app: &App) -> Result<()> {
    const ENTRIES: &str = include_str!("../../../../fixtures/qa/entries.csv");
    crate::qa::import_sheet(
        app,
        Actor::system("demo"),
        "entries.csv",
        ENTRIES.as_bytes(),
    )
    .await?;
    Ok(())
}

/// The demo government with its units (created when the database has no units), and,
/// when the database has no requests, `n` generated requests addressed to them over
/// `first_year` and the year after: the load of `gongkai bench report`. Returns the
/// government and whether requests were generated.
pub async fn generate_requests(
    app: &App,
    n: u64,
    seed: u64,
    first_year: i32,
) -> Result<(OrgId, bool)> {
    let actor = Actor::system("bench");
    if orgs::count(&app.store).await? == 0 {
        seed_directory(app, &actor).await?;
    }
    let all = orgs::list(&app.store).await?;
    let government = crate::orgs::roots(app)
        .await?
        .first()
        .map(|o| o.id)
        .ok_or_else(|| crate::Error::Internal("没有单位".to_string()))?;
    if gongkai_store::requests::count(&app.store).await? > 0 {
        return Ok((government, false));
    }
    let agencies: Vec<OrgId> = all.iter().map(|o| o.id).collect();
    requests::generate(app, &actor, &agencies, n, seed, first_year).await?;
    Ok((government, true))
}

/// Reads the seed documents of the library into work-plan ledgers run by the demo
/// office (区府办), confirmed and with some progress (`gongkai serve --demo`).
pub async fn seed_ledgers(app: &App) -> Result<()> {
    let office = orgs::find_by_name(&app.store, UNITS[0].0)
        .await?
        .ok_or_else(|| crate::Error::Internal("演示单位不存在".to_string()))?;
    ledgers::seed(app, &Actor::system("demo"), office.id, &SEED_DOCUMENTS).await
}

/// The demo government, its units and one account per role.
async fn seed_directory(app: &App, actor: &Actor) -> Result<Vec<DemoAccount>> {
    let mut tx = app.store.begin(actor.clone()).await?;
    let mut government = OrgFields::new(&app.settings.agency.name, OrgKind::Government, None);
    government.contact_phone = "023-00000000".to_string();
    government.contact_address = "示例区人民路1号".to_string();
    let government = orgs::create(&mut tx, &government).await?;
    let mut unit_ids = Vec::new();
    for (sort_order, (name, kind, aliases, phone, address)) in (1..).zip(UNITS) {
        let mut fields = OrgFields::new(name, kind, Some(government.id));
        fields.aliases = aliases.iter().map(|a| a.to_string()).collect();
        fields.contact_phone = phone.to_string();
        fields.contact_address = address.to_string();
        fields.sort_order = sort_order;
        unit_ids.push(orgs::create(&mut tx, &fields).await?.id);
    }
    tx.commit().await?;
    let office = unit_ids.first().copied().unwrap_or(government.id);
    let judiciary = unit_ids.get(2).copied().unwrap_or(government.id);
    let accounts = [
        (Role::Admin, "admin", "系统管理员", government.id),
        (Role::Office, "office", "区政务公开办", office),
        (Role::Editor, "editor", "司法局编辑", judiciary),
        (Role::Reviewer, "reviewer", "司法局审核人", judiciary),
        (Role::Leader, "leader", "区政府领导", government.id),
    ];
    let mut created = Vec::new();
    for (role, username, display_name, org) in accounts {
        created.push(demo_account(app, actor, role, username, display_name, org).await?);
    }
    Ok(created)
}

async fn demo_account(
    app: &App,
    actor: &Actor,
    role: Role,
    username: &str,
    display_name: &str,
    org: OrgId,
) -> Result<DemoAccount> {
    let password = generate_password();
    let input = AccountInput {
        username: username.to_string(),
        display_name: display_name.to_string(),
        password: password.clone(),
        role,
        org: org.to_string(),
    };
    add(app, actor.clone(), &input).await?;
    Ok(DemoAccount {
        role,
        username: username.to_string(),
        password,
    })
}
