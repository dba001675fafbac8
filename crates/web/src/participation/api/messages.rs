//! `GET /api/v1/messages`: the messages published with their writers' consent, as staff
//! edited them — never the writer's name, contact, title or original text. Field names
//! are a contract.

use crate::kit::api_error::ApiError;
use crate::kit::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use gongkai_app::messages;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/messages", get(list_messages))
}

/// The messages' paths and schemas of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(list_messages),
    components(schemas(PublishedMessage, PublishedMessages))
)]
pub struct ApiDoc;

/// A published message and its reply.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishedMessage {
    pub serial: String,
    /// The box's name (区长信箱…).
    pub mailbox: String,
    /// `consultation`, `suggestion`, `complaint`, `help` or `correction`.
    pub category: String,
    pub received_on: String,
    pub replied_on: Option<String>,
    /// The unit that answered.
    pub unit: String,
    /// The message and its reply as published (edited, without personal information).
    pub text: String,
}

/// The published messages, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishedMessages {
    pub messages: Vec<PublishedMessage>,
}

#[utoipa::path(
    get,
    path = "/api/v1/messages",
    tag = "participation",
    responses((status = 200, description = "Published messages", body = PublishedMessages))
)]
pub async fn list_messages(
    State(state): State<AppState>,
) -> Result<Json<PublishedMessages>, ApiError> {
    let messages = messages::published(&state.app)
        .await?
        .into_iter()
        .map(|v| PublishedMessage {
            serial: v.message.serial,
            mailbox: v.mailbox.fields.name,
            category: v.message.fields.category.code().to_string(),
            received_on: v.message.fields.received_on.to_string(),
            replied_on: v.message.replied_on.map(|d| d.to_string()),
            unit: v.unit_name,
            text: v.message.public_text,
        })
        .collect();
    Ok(Json(PublishedMessages { messages }))
}
