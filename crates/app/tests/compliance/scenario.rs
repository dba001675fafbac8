//! Two years of records of three units, each clearly on time or clearly late, and the
//! counts the test expects of them, kept as the records are stored.

use super::records::{self, Doc, day, plus};
use gongkai_app::{Actor, App, OrgId};
use gongkai_domain::compliance::Indicator;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::message::Category;
use std::collections::HashMap;

/// Counted, on time, late, overdue.
pub type Tally = [usize; 4];

#[derive(Default)]
pub struct Expected {
    tallies: HashMap<(Indicator, usize, i32), Tally>,
}

impl Expected {
    /// One record of unit `u` due in `year`: 0 on time, 1 late, 2 overdue.
    fn add(&mut self, indicator: Indicator, u: usize, year: i32, how: usize) {
        let t = self.tallies.entry((indicator, u, year)).or_default();
        t[0] += 1;
        t[1 + how] += 1;
    }

    pub fn of(&self, indicator: Indicator, u: usize, year: i32) -> Tally {
        self.tallies
            .get(&(indicator, u, year))
            .copied()
            .unwrap_or_default()
    }
}

const ON_TIME: usize = 0;
const LATE: usize = 1;
const OVERDUE: usize = 2;

pub async fn units(app: &App, dir: &std::path::Path) -> Vec<OrgId> {
    let file = dir.join("units.csv");
    std::fs::write(
        &file,
        "名称,上级单位,类型\n某区人民政府,,政府\n某区教育局,某区人民政府,部门\n某区民政局,某区人民政府,部门\n",
    )
    .unwrap();
    gongkai_app::orgs::import_file(&app.store, Actor::system("test"), &file)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for name in ["某区人民政府", "某区教育局", "某区民政局"] {
        ids.push(gongkai_app::users::find_org(app, name).await.unwrap());
    }
    ids
}

pub async fn admin(app: &App) -> gongkai_app::access::CurrentUser {
    let input = gongkai_app::users::AccountInput {
        username: "admin".to_string(),
        display_name: "管理员".to_string(),
        password: "Gongkai-Test-2026!".to_string(),
        role: gongkai_domain::role::Role::Admin,
        org: "某区人民政府".to_string(),
    };
    let user = gongkai_app::users::add(app, Actor::system("test"), &input)
        .await
        .unwrap();
    gongkai_app::access::CurrentUser {
        id: user.id,
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        grants: user.grants.clone(),
    }
}

/// Documents: six written per unit and year, `u + 1` of them published weeks late and
/// one never; three normative ones interpreted on time, late or never; two normative
/// ones due for cleanup by 30 September.
pub async fn library(app: &App, org: &[OrgId], y: i32, n: &mut usize, e: &mut Expected) {
    for (u, &unit) in org.iter().enumerate() {
        for i in 0..5u64 {
            let written = plus(day(&format!("{y}-04-01")), 7 * i);
            let late = (i as usize) < u + 1;
            let published = plus(written, if late { 70 } else { 1 });
            *n += 1;
            let doc = Doc {
                title: format!("通知{n}"),
                issuer: unit,
                status: DocumentStatus::Published,
                normative: false,
                written: Some(written),
                published: Some(published),
                expires: None,
            };
            records::document(app, doc, *n).await;
            e.add(
                Indicator::ActiveDisclosure,
                u,
                y,
                if late { LATE } else { ON_TIME },
            );
        }
        *n += 1;
        let draft = Doc {
            title: format!("草稿{n}"),
            issuer: unit,
            status: DocumentStatus::Draft,
            normative: false,
            written: Some(day(&format!("{y}-05-06"))),
            published: None,
            expires: None,
        };
        records::document(app, draft, *n).await;
        e.add(Indicator::ActiveDisclosure, u, y, OVERDUE);

        for i in 0..3u64 {
            let on = plus(day(&format!("{y}-06-03")), 7 * i);
            *n += 1;
            let policy = Doc {
                title: format!("规范性文件{n}"),
                issuer: unit,
                status: DocumentStatus::Published,
                normative: true,
                written: None,
                published: Some(on),
                expires: None,
            };
            let policy = records::document(app, policy, *n).await;
            let how = match i {
                1 if u >= 1 => LATE,
                2 if u == 2 => OVERDUE,
                _ => ON_TIME,
            };
            if how != OVERDUE {
                *n += 1;
                let after = if how == LATE { 30 } else { i };
                let interpretation = Doc {
                    title: format!("解读{n}"),
                    issuer: unit,
                    status: DocumentStatus::Published,
                    normative: false,
                    written: None,
                    published: Some(plus(on, after)),
                    expires: None,
                };
                let id = records::document(app, interpretation, *n).await;
                records::interpret(app, id, policy).await;
            }
            e.add(Indicator::Interpretation, u, y, how);
        }

        let expires = day(&format!("{y}-09-30"));
        for (k, review) in [
            (0, Some("08-01")),
            (1, [Some("09-01"), Some("11-15"), None][u]),
        ] {
            *n += 1;
            let doc = Doc {
                title: format!("待清理文件{n}-{k}"),
                issuer: unit,
                status: DocumentStatus::Published,
                normative: true,
                written: None,
                published: None,
                expires: Some(expires),
            };
            let id = records::document(app, doc, *n).await;
            if let Some(md) = review {
                records::reviewed(app, id, day(&format!("{y}-{md}"))).await;
            }
            let how = match review {
                None => OVERDUE,
                Some("11-15") => LATE,
                Some(_) => ON_TIME,
            };
            e.add(Indicator::Cleanup, u, y, how);
        }
    }
}

/// The first Tuesday of March used for messages.
fn tuesday(y: i32) -> chrono::NaiveDate {
    day(if y == 2024 {
        "2024-03-05"
    } else {
        "2025-03-04"
    })
}

/// Requests (`u` of four replied weeks late, one more never for 民政局) and messages:
/// three suggestions (`u` late), three policy questions (one replied on the following
/// Monday: late for the box's 3 working days, on time for the 5 of a 咨询; one two weeks
/// later for 民政局: late for both).
pub async fn public(app: &App, org: &[OrgId], y: i32, n: &mut usize, e: &mut Expected) {
    for (u, &unit) in org.iter().enumerate() {
        for i in 0..4u64 {
            let received = plus(day(&format!("{y}-03-04")), 7 * i);
            let late = (i as usize) < u;
            *n += 1;
            records::request(
                app,
                unit,
                received,
                Some(plus(received, if late { 60 } else { 2 })),
                *n,
            )
            .await;
            e.add(Indicator::Requests, u, y, if late { LATE } else { ON_TIME });
        }
        if u == 2 {
            *n += 1;
            records::request(app, unit, day(&format!("{y}-03-25")), None, *n).await;
            e.add(Indicator::Requests, u, y, OVERDUE);
        }

        let mailbox = records::mailbox(app, unit, &format!("信箱{y}-{u}")).await;
        for i in 0..3u64 {
            let received = plus(tuesday(y), 7 * i);
            let late = (i as usize) < u;
            *n += 1;
            records::message(
                app,
                mailbox,
                Category::Suggestion,
                received,
                plus(received, if late { 30 } else { 0 }),
                *n,
            )
            .await;
            e.add(Indicator::Messages, u, y, if late { LATE } else { ON_TIME });
        }
        for j in 0..3u64 {
            let received = plus(tuesday(y), 7 * j);
            let (after, box_late, question_late) = match j {
                1 if u >= 1 => (6, true, false),
                2 if u == 2 => (14, true, true),
                _ => (1, false, false),
            };
            *n += 1;
            records::message(
                app,
                mailbox,
                Category::Consultation,
                received,
                plus(received, after),
                *n,
            )
            .await;
            e.add(
                Indicator::Messages,
                u,
                y,
                if box_late { LATE } else { ON_TIME },
            );
            e.add(
                Indicator::PolicyQuestions,
                u,
                y,
                if question_late { LATE } else { ON_TIME },
            );
        }
    }
}

/// A consultation per unit (民政局 publishes its 采纳情况 three months after the end),
/// a plan with three tasks per unit due 31 October (`u` done in December, one more
/// never for 民政局), and last year's annual reports (教育局 late in 2025, 民政局 missing
/// in 2024).
pub async fn work(app: &App, dir: &std::path::Path, org: &[OrgId], y: i32, e: &mut Expected) {
    let mut tasks = Vec::new();
    for (u, &unit) in org.iter().enumerate() {
        let report = if u == 2 { "09-30" } else { "07-10" };
        records::consultation(
            app,
            dir,
            unit,
            day(&format!("{y}-06-30")),
            day(&format!("{y}-{report}")),
        )
        .await;
        e.add(
            Indicator::Consultations,
            u,
            y,
            if u == 2 { LATE } else { ON_TIME },
        );

        let deadline = day(&format!("{y}-10-31"));
        for i in 0..3 {
            let late = i < u;
            let done = day(&format!("{y}-{}", if late { "12-15" } else { "10-15" }));
            tasks.push((unit, deadline, Some(done)));
            e.add(
                Indicator::LedgerTasks,
                u,
                y,
                if late { LATE } else { ON_TIME },
            );
        }
        if u == 2 {
            tasks.push((unit, deadline, None));
            e.add(Indicator::LedgerTasks, u, y, OVERDUE);
        }

        let published = match (u, y) {
            (0, _) => Some("03-15"),
            (1, 2024) => Some("01-20"),
            (1, _) => Some("02-10"),
            (2, 2024) => None,
            _ => Some("01-25"),
        };
        if let Some(md) = published {
            records::annual_report(app, dir, unit, y - 1, day(&format!("{y}-{md}"))).await;
        }
        let how = match (u, y, published) {
            (_, _, None) => OVERDUE,
            (1, 2025, _) => LATE,
            _ => ON_TIME,
        };
        e.add(Indicator::AnnualReport, u, y, how);
    }
    records::plan(app, dir, org[0], y, &tasks).await;
}
