//! The JSON API of requests: submitting and tracking for applicants ([`public`]), the
//! list and detail for staff ([`staff`]), the views both show ([`views`]), and their
//! part of the OpenAPI document.

mod public;
mod staff;
mod views;

use crate::kit::state::AppState;
use axum::Router;
use utoipa::OpenApi;

pub fn router() -> Router<AppState> {
    Router::new().merge(public::router()).merge(staff::router())
}

/// The requests' paths and schemas of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(
        public::submit_request,
        public::track_request,
        staff::list_requests,
        staff::get_request
    ),
    components(schemas(
        public::SubmitBody,
        public::Submitted,
        public::TrackBody,
        public::Tracked,
        views::TimelinessView,
        views::KeyDates,
        views::PublicEvent,
        views::ReplyView,
        views::ClockStep,
        staff::RequestSummary,
        staff::RequestList,
        staff::ApplicantView,
        staff::StaffEvent,
        staff::CaseView,
        staff::RequestDetail
    ))
)]
pub struct ApiDoc;
