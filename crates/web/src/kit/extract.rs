//! The extractors handlers take: the [`Visitor`] the session middleware left in the
//! request, [`Staff`] (anyone else is sent to the login page), and for the JSON API
//! [`ApiStaff`] (401 in JSON instead) and [`JsonBody`] (a refused body is an
//! [`ErrorBody`]); the [`DoneQuery`] of a page an action redirects back to.

use super::api_error::{ApiError, ErrorBody};
use super::error::WebError;
use super::visitor::{Staff, Visitor};
use axum::Json;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use gongkai_app::access::CurrentUser;
use serde::de::DeserializeOwned;

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Visitor>().cloned().ok_or_else(|| {
            WebError(gongkai_app::Error::Internal(
                "visitor middleware missing".into(),
            ))
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visitor = Visitor::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match visitor.user().cloned() {
            Some(user) => Ok(Staff { user, visitor }),
            None => {
                let next = url::form_urlencoded::byte_serialize(visitor.here.as_bytes())
                    .collect::<String>();
                Err(Redirect::to(&format!("/login?next={next}")).into_response())
            }
        }
    }
}

/// The query of a page a finished action redirects back to: `?done=<what>`, which the
/// page turns into its notice.
#[derive(Debug, Default, serde::Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    pub done: String,
}

/// A JSON body (`Content-Type: application/json`); anything else is refused with an
/// [`ErrorBody`]: 415 `unsupported_media_type` or 400 `invalid_json`.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(JsonBody(value)),
            Err(axum::extract::rejection::JsonRejection::MissingJsonContentType(_)) => {
                Err(ErrorBody::response(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "请求体须为 JSON（Content-Type: application/json）",
                ))
            }
            Err(e) => Err(ErrorBody::response(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                format!("请求体不是有效的 JSON：{}", e.body_text()),
            )),
        }
    }
}

/// A signed-in staff member, by the console's session cookie; anyone else gets 401
/// `unauthenticated` in JSON (an API client has no login page to be sent to).
pub struct ApiStaff(pub CurrentUser);

impl<S: Send + Sync> FromRequestParts<S> for ApiStaff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visitor = Visitor::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        visitor
            .user()
            .cloned()
            .map(ApiStaff)
            .ok_or_else(|| ApiError(gongkai_app::Error::Unauthenticated).into_response())
    }
}
