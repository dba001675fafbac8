//! The OpenAPI document of the API, generated from the handlers' annotations.

use crate::AppState;
use axum::Json;
use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "gongkai API",
        description = "政务公开平台的开放接口：政策文件库、年度报告、依申请公开。字段名称稳定，供脚本使用。",
        version = "1"
    ),
    paths(
        super::documents::list_documents,
        super::documents::get_document,
        super::search::search_documents,
        super::annual_reports::list_reports,
        super::annual_reports::get_report,
        super::requests::submit_request,
        super::requests::track_request,
        super::requests_staff::list_requests,
        super::requests_staff::get_request
    ),
    components(schemas(
        super::documents::DocumentSummary,
        super::documents::DocumentList,
        super::documents::DocumentDetail,
        super::documents::ValidityChangeView,
        super::documents::AttachmentView,
        super::documents::RelationView,
        super::search::SearchResponse,
        super::search::SearchHit,
        super::search::SearchFacets,
        super::search::FacetValue,
        super::annual_reports::PublishedItem,
        super::annual_reports::PublishedList,
        super::requests::SubmitBody,
        super::requests::Submitted,
        super::requests::TrackBody,
        super::requests::Tracked,
        super::request_views::TimelinessView,
        super::request_views::KeyDates,
        super::request_views::PublicEvent,
        super::request_views::ReplyView,
        super::request_views::ClockStep,
        super::requests_staff::RequestSummary,
        super::requests_staff::RequestList,
        super::requests_staff::ApplicantView,
        super::requests_staff::StaffEvent,
        super::requests_staff::CaseView,
        super::requests_staff::RequestDetail,
        super::ErrorBody,
        super::ErrorDetail
    )),
    tags(
        (name = "documents", description = "政策文件"),
        (name = "requests", description = "依申请公开：提交、查询进度（公众），办理清单与详情（工作人员）")
    )
)]
pub struct ApiDoc;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/openapi.json", get(openapi_json))
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
