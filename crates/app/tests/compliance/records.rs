//! The records of the compliance test, stored as the platform stores them; dates the
//! platform stamps with the present (a report's publication, a task's completion) are
//! set afterwards in the database, as if recorded on the day.

use chrono::{Days, NaiveDate};
use gongkai_app::{Actor, App, OrgId};
use gongkai_domain::annual_report::{ApplicantType, Outcome};
use gongkai_domain::consultation::DraftKind;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::ledger::{ReportKind, TaskStatus, UnitRole};
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::message::Category;
use gongkai_domain::relation::RelationKind;
use gongkai_domain::request::Channel;
use gongkai_domain::validity::Validity;
use gongkai_store::consultations::{self, ConsultationFields};
use gongkai_store::documents::{self, DocumentFields};
use gongkai_store::ledgers::{self, NewPlan, TaskFields, reports};
use gongkai_store::messages::{self, MailboxFields, MessageFields, Step};
use gongkai_store::requests::{self, RequestFields};
use gongkai_store::{DocumentId, Store, WriteTx, annual_reports, relations};

pub fn day(s: &str) -> NaiveDate {
    gongkai_domain::calendar::parse_date(s).unwrap()
}

pub fn plus(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap()
}

pub async fn begin(app: &App) -> WriteTx {
    app.store.begin(Actor::system("test")).await.unwrap()
}

/// Runs one statement on the data directory's database, as an operator could.
pub async fn sql(dir: &std::path::Path, statement: &str) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&Store::sqlite_url_in(dir))
        .await
        .unwrap();
    sqlx::query(statement).execute(&pool).await.unwrap();
    pool.close().await;
}

/// A document of `issuer`.
pub struct Doc {
    pub title: String,
    pub issuer: OrgId,
    pub status: DocumentStatus,
    pub normative: bool,
    pub written: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
}

pub async fn document(app: &App, doc: Doc, n: usize) -> DocumentId {
    let fields = DocumentFields {
        title: doc.title,
        doc_number: String::new(),
        doc_number_key: String::new(),
        issuer_id: Some(doc.issuer),
        issuer_name: String::new(),
        topic: "综合政务".to_string(),
        genre: if doc.normative { "通知" } else { "其他" }.to_string(),
        normative: doc.normative,
        validity: Validity::Valid,
        effective_on: None,
        expires_on: doc.expires,
        written_on: doc.written,
        published_on: doc.published,
        disclosure: DisclosureAttribute::Proactive,
        interpretation_form: None,
        body_html: "<p>正文</p>".to_string(),
        body_text: "正文".to_string(),
    };
    let mut tx = begin(app).await;
    let number = format!("TEST-{n:05}");
    let d = documents::create(&mut tx, &number, &fields, doc.status, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    d.id
}

pub async fn interpret(app: &App, interpretation: DocumentId, policy: DocumentId) {
    let mut tx = begin(app).await;
    relations::add(&mut tx, interpretation, policy, RelationKind::Interprets)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

pub async fn reviewed(app: &App, id: DocumentId, on: NaiveDate) {
    let mut tx = begin(app).await;
    documents::mark_reviewed(&mut tx, id, on, "继续有效")
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

pub async fn request(
    app: &App,
    org: OrgId,
    received: NaiveDate,
    reply: Option<NaiveDate>,
    n: usize,
) {
    let fields = RequestFields {
        org_id: org,
        applicant_type: ApplicantType::NaturalPerson,
        applicant_name: format!("申请人{n}"),
        id_number: String::new(),
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
        received_on: received,
    };
    let mut tx = begin(app).await;
    let r = requests::create(&mut tx, &fields, &format!("hash-{n}"), |y, k| {
        format!("{y}-{k}")
    })
    .await
    .unwrap();
    if let Some(on) = reply {
        let outcome = Outcome::Disclosed;
        requests::reply(&mut tx, r.id, on, outcome, outcome.legal_basis_zh())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

pub async fn mailbox(app: &App, org: OrgId, name: &str) -> gongkai_store::MailboxId {
    let fields = MailboxFields {
        name: name.to_string(),
        org_id: org,
        description: String::new(),
        open: true,
        periods: vec![(Category::Consultation, 3), (Category::Suggestion, 3)],
        max_workdays: 10,
    };
    let mut tx = begin(app).await;
    let id = messages::create_box(&mut tx, &fields).await.unwrap();
    tx.commit().await.unwrap();
    id
}

pub async fn message(
    app: &App,
    mailbox: gongkai_store::MailboxId,
    category: Category,
    received: NaiveDate,
    reply: NaiveDate,
    n: usize,
) {
    let fields = MessageFields {
        mailbox_id: mailbox,
        category,
        title: format!("留言{n}"),
        body: "内容".to_string(),
        name: String::new(),
        contact: String::new(),
        publish_consent: false,
        received_on: received,
        workdays: 3,
    };
    let mut tx = begin(app).await;
    let m = messages::create(&mut tx, &fields, &format!("m-{n}"), |y, k| {
        format!("M{y}-{k}")
    })
    .await
    .unwrap();
    messages::record_step(&mut tx, &m, &Step::Accept, received)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let m = messages::get(&app.store, m.id).await.unwrap();
    let mut tx = begin(app).await;
    let reply_step = Step::Reply {
        text: "答复".to_string(),
    };
    messages::record_step(&mut tx, &m, &reply_step, reply)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

pub async fn consultation(
    app: &App,
    dir: &std::path::Path,
    org: OrgId,
    ends: NaiveDate,
    report: NaiveDate,
) {
    let fields = ConsultationFields {
        org_id: org,
        title: format!("草案{ends}"),
        kind: DraftKind::Normative,
        market_related: false,
        draft_html: "<p>草案</p>".to_string(),
        explanation_html: String::new(),
        draft_document: None,
        starts_on: plus(ends, 0).checked_sub_days(Days::new(40)).unwrap(),
        ends_on: ends,
        short_reason: String::new(),
    };
    let mut tx = begin(app).await;
    let c = consultations::create(&mut tx, &fields).await.unwrap();
    consultations::publish(&mut tx, &c, report, "采纳情况")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let at = format!("{report}T02:00:00.000000Z");
    sql(
        dir,
        &format!(
            "UPDATE consultations SET published_at = '{at}' WHERE id = {}",
            c.id.0
        ),
    )
    .await;
}

/// A confirmed plan of `runner` with tasks `(lead unit, deadline, done on)`.
pub async fn plan(
    app: &App,
    dir: &std::path::Path,
    runner: OrgId,
    year: i32,
    tasks: &[(OrgId, NaiveDate, Option<NaiveDate>)],
) {
    let fields: Vec<TaskFields> = tasks
        .iter()
        .enumerate()
        .map(|(i, (_, deadline, _))| TaskFields {
            outline: format!("任务{year}-{i}"),
            body: format!("任务{year}-{i}"),
            deadline: Some(*deadline),
            ..TaskFields::default()
        })
        .collect();
    let new = NewPlan {
        title: format!("{year}年政务公开工作要点"),
        year: Some(year),
        org_id: runner,
        source_document_id: None,
        source_name: String::new(),
    };
    let mut tx = begin(app).await;
    let (plan, ids) = ledgers::create(&mut tx, &new, &fields).await.unwrap();
    for (id, (lead, _, _)) in ids.iter().zip(tasks) {
        ledgers::set_units(&mut tx, *id, &[(*lead, UnitRole::Lead)])
            .await
            .unwrap();
    }
    ledgers::confirm(&mut tx, plan.id).await.unwrap();
    let mut done = Vec::new();
    for (id, (lead, _, on)) in ids.iter().zip(tasks) {
        if let Some(on) = on {
            let report = reports::NewReport {
                task_id: *id,
                org_id: *lead,
                kind: ReportKind::Progress,
                part: Some(*lead),
                from: TaskStatus::NotStarted,
                status: TaskStatus::Completed,
                body: "已完成".to_string(),
            };
            done.push((reports::add(&mut tx, &report, &[]).await.unwrap(), *on));
        }
    }
    tx.commit().await.unwrap();
    for (report, on) in done {
        let at = format!("{on}T02:00:00.000000Z");
        sql(
            dir,
            &format!("UPDATE task_reports SET at = '{at}' WHERE id = {report}"),
        )
        .await;
    }
}

pub async fn annual_report(app: &App, dir: &std::path::Path, org: OrgId, year: i32, on: NaiveDate) {
    let mut tx = begin(app).await;
    annual_reports::publish(&mut tx, org, year, "年度报告", "{}", "<p>报告</p>")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let at = format!("{on}T02:00:00.000000Z");
    sql(dir, &format!("UPDATE published_annual_reports SET published_at = '{at}' WHERE org_id = {} AND year = {year}", org.0)).await;
}
