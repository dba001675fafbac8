//! The OpenAPI document of the API at `/api/v1/openapi.json`: the description and the
//! error schemas here, the paths and schemas of each area's API merged in.

use crate::kit::api_error::{ErrorBody, ErrorDetail};
use crate::kit::state::AppState;
use crate::{library, participation, reports, requests};
use axum::Json;
use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "gongkai API",
        description = "政务公开平台的开放接口：政策文件库、年度报告、依申请公开、征求意见、留言、政策问答。字段名称稳定，供脚本使用。",
        version = "1"
    ),
    components(schemas(ErrorBody, ErrorDetail)),
    tags(
        (name = "documents", description = "政策文件"),
        (name = "requests", description = "依申请公开：提交、查询进度（公众），办理清单与详情（工作人员）"),
        (name = "participation", description = "政民互动：征求意见、留言、政策咨询问答库")
    )
)]
struct ApiDoc;

/// The whole document: the areas' paths in the order the API reference lists them.
fn document() -> utoipa::openapi::OpenApi {
    let mut document = ApiDoc::openapi();
    document.merge(library::ApiDoc::openapi());
    document.merge(reports::ApiDoc::openapi());
    document.merge(requests::ApiDoc::openapi());
    document.merge(participation::api_doc());
    document
}

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/openapi.json", get(openapi_json))
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}
