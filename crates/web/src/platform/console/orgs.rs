//! Console pages of the unit directory: list with name resolution, detail, create
//! and edit.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::model::Org;
use gongkai_app::orgs::tree_order;
use gongkai_app::orgs::{self, OrgInput, Resolution};
use gongkai_app::{OrgId, access};
use gongkai_domain::org::OrgKind;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/orgs", get(list_orgs))
        .route("/console/orgs/new", get(new_org).post(create_org))
        .route("/console/orgs/{id}", get(show_org))
        .route("/console/orgs/{id}/edit", get(edit_org).post(update_org))
}

pub struct OrgRow {
    pub id: OrgId,
    pub name: String,
    pub kind: &'static str,
    pub aliases: String,
    pub credit_code: String,
    pub phone: String,
    pub depth: usize,
}

#[derive(Template)]
#[template(path = "platform/orgs_list.html")]
struct OrgsPage {
    layout: Layout,
    rows: Vec<OrgRow>,
    may_create: bool,
    may_import: bool,
    names: String,
    roots: Vec<(OrgId, String)>,
    selected_root: OrgId,
    resolution: Option<Vec<(String, String)>>,
}

#[derive(serde::Deserialize)]
struct ResolveQuery {
    names: Option<String>,
    root: Option<OrgId>,
}

async fn list_orgs(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ResolveQuery>,
) -> Result<Html<String>, WebError> {
    let all = orgs::list(&state.app, &staff.user).await?;
    let rows = tree_order(&all)
        .into_iter()
        .map(|(depth, org)| OrgRow {
            id: org.id,
            name: org.name.clone(),
            kind: org.kind.label_zh(),
            aliases: org.aliases.join("、"),
            credit_code: org.credit_code.clone().unwrap_or_default(),
            phone: org.contact_phone.clone(),
            depth,
        })
        .collect();
    let roots: Vec<(OrgId, String)> = all
        .iter()
        .filter(|o| o.parent_id.is_none())
        .map(|o| (o.id, o.name.clone()))
        .collect();
    let selected_root = query
        .root
        .or_else(|| roots.first().map(|r| r.0))
        .unwrap_or(OrgId(0));
    let names = query.names.unwrap_or_default();
    let resolution = match names.trim() {
        "" => None,
        text => Some(describe(
            &orgs::resolve(&state.app, selected_root, text).await?,
        )),
    };
    let may_create = all
        .iter()
        .any(|o| access::require_manage_org(&staff.user, o.id, &all).is_ok());
    render(&OrgsPage {
        layout: Layout::for_staff(&state, &staff, "单位管理").await?,
        rows,
        may_create,
        may_import: staff.user.is_platform_admin(&all),
        names,
        roots,
        selected_root,
        resolution,
    })
}

/// One line per written name: what it stands for.
fn describe(resolution: &Resolution) -> Vec<(String, String)> {
    let names = |units: &[Org]| {
        units
            .iter()
            .map(|o| o.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    let mut lines: Vec<(String, String)> = resolution
        .named
        .iter()
        .map(|(written, org)| (written.clone(), org.name.clone()))
        .collect();
    for (written, units) in &resolution.groups {
        let text = if units.is_empty() {
            "分组表达式，但目录中没有相应类型的单位".to_string()
        } else {
            format!("分组表达式，共 {} 个单位：{}", units.len(), names(units))
        };
        lines.push((written.clone(), text));
    }
    for (written, units) in &resolution.mapped {
        let text = if units.is_empty() {
            "已确认不是单位".to_string()
        } else {
            format!("已保存的对应：{}", names(units))
        };
        lines.push((written.clone(), text));
    }
    for written in &resolution.unknown {
        lines.push((
            written.clone(),
            "未找到对应单位，请核对名称或为单位添加简称".to_string(),
        ));
    }
    lines
}

#[derive(Template)]
#[template(path = "platform/org_detail.html")]
struct OrgPage {
    layout: Layout,
    org: Org,
    kind: &'static str,
    parent: Option<(OrgId, String)>,
    children: Vec<(OrgId, String)>,
    may_manage: bool,
}

async fn show_org(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<OrgId>,
) -> Result<Html<String>, WebError> {
    let org = orgs::get(&state.app, &staff.user, id).await?;
    let all = orgs::list(&state.app, &staff.user).await?;
    let name_of = |id: OrgId| {
        all.iter()
            .find(|o| o.id == id)
            .map(|o| (o.id, o.name.clone()))
    };
    render(&OrgPage {
        layout: Layout::for_staff(&state, &staff, &org.name).await?,
        kind: org.kind.label_zh(),
        parent: org.parent_id.and_then(name_of),
        children: all
            .iter()
            .filter(|o| o.parent_id == Some(id))
            .map(|o| (o.id, o.name.clone()))
            .collect(),
        may_manage: orgs::may_manage(&state.app, &staff.user, id).await?,
        org,
    })
}

#[derive(Template)]
#[template(path = "platform/org_form.html")]
struct OrgFormPage {
    layout: Layout,
    heading: String,
    action: String,
    error: Option<String>,
    input: OrgInput,
    kinds: Vec<(&'static str, &'static str)>,
    /// Units the user may place a unit under: id, indented name, selected.
    parents: Vec<(OrgId, String, bool)>,
}

/// The form page, filled with `input` and showing `error`.
async fn form_page(
    state: &AppState,
    staff: &Staff,
    heading: &str,
    action: String,
    input: OrgInput,
    error: Option<String>,
) -> Result<OrgFormPage, WebError> {
    let all = orgs::list(&state.app, &staff.user).await?;
    let parents = tree_order(&all)
        .into_iter()
        .filter(|(_, o)| access::require_manage_org(&staff.user, o.id, &all).is_ok())
        .map(|(depth, o)| {
            let name = format!("{}{}", "　".repeat(depth), o.name);
            (o.id, name, input.parent_id == Some(o.id))
        })
        .collect();
    Ok(OrgFormPage {
        layout: Layout::for_staff(state, staff, heading).await?,
        heading: heading.to_string(),
        action,
        error,
        input,
        kinds: OrgKind::ALL
            .iter()
            .map(|k| (k.code(), k.label_zh()))
            .collect(),
        parents,
    })
}

/// Renders the form again with the refusal, with the status of the error.
async fn refused_form(
    state: &AppState,
    staff: &Staff,
    heading: &str,
    action: String,
    input: OrgInput,
    error: gongkai_app::Error,
) -> Result<Response, WebError> {
    if !error.is_client_error() || matches!(error, gongkai_app::Error::Forbidden) {
        return Err(error.into());
    }
    let status = status_of(&error);
    let page = form_page(
        state,
        staff,
        heading,
        action,
        input,
        Some(public_message(&error)),
    )
    .await?;
    Ok((status, render(&page)?).into_response())
}

#[derive(serde::Deserialize)]
struct NewQuery {
    parent: Option<OrgId>,
}

async fn new_org(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<NewQuery>,
) -> Result<Html<String>, WebError> {
    let input = OrgInput {
        kind: OrgKind::Department.code().to_string(),
        parent_id: query.parent,
        ..OrgInput::default()
    };
    let page = form_page(
        &state,
        &staff,
        "新增单位",
        "/console/orgs/new".into(),
        input,
        None,
    )
    .await?;
    render(&page)
}

/// The submitted form: an empty parent select means "no parent".
#[derive(serde::Deserialize)]
struct OrgForm {
    #[serde(flatten)]
    input: OrgInput,
    #[serde(default)]
    parent_id: String,
}

impl OrgForm {
    fn into_input(self) -> Result<OrgInput, gongkai_app::Error> {
        let parent_id = match self.parent_id.trim() {
            "" => None,
            id => Some(
                id.parse()
                    .map_err(|_| gongkai_app::Error::invalid("上级单位", "无效的选择"))?,
            ),
        };
        Ok(OrgInput {
            parent_id,
            ..self.input
        })
    }
}

async fn create_org(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<OrgForm>,
) -> Result<Response, WebError> {
    let input = form.into_input()?;
    match orgs::create(&state.app, &staff.user, &input).await {
        Ok(org) => Ok(Redirect::to(&format!("/console/orgs/{}", org.id)).into_response()),
        Err(e) => {
            refused_form(
                &state,
                &staff,
                "新增单位",
                "/console/orgs/new".into(),
                input,
                e,
            )
            .await
        }
    }
}

async fn edit_org(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<OrgId>,
) -> Result<Html<String>, WebError> {
    let org = orgs::get(&state.app, &staff.user, id).await?;
    if !orgs::may_manage(&state.app, &staff.user, id).await? {
        return Err(gongkai_app::Error::Forbidden.into());
    }
    let heading = format!("编辑：{}", org.name);
    let page = form_page(
        &state,
        &staff,
        &heading,
        format!("/console/orgs/{id}/edit"),
        OrgInput::from_org(&org),
        None,
    )
    .await?;
    render(&page)
}

async fn update_org(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<OrgId>,
    Form(form): Form<OrgForm>,
) -> Result<Response, WebError> {
    let input = form.into_input()?;
    match orgs::update(&state.app, &staff.user, id, &input).await {
        Ok(org) => Ok(Redirect::to(&format!("/console/orgs/{}", org.id)).into_response()),
        Err(e) => {
            let heading = format!("编辑：{}", input.name);
            refused_form(
                &state,
                &staff,
                &heading,
                format!("/console/orgs/{id}/edit"),
                input,
                e,
            )
            .await
        }
    }
}
