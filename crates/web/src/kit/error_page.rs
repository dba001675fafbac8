//! The page of an error, which has no visitor at hand: the base layout with default
//! settings, the status as people read it (页面不存在, 无权访问…) and the message.

use super::layout::{Area, Layout};
use super::visitor::Prefs;
use askama::Template;
use axum::http::StatusCode;

#[derive(Template)]
#[template(path = "kit/error.html")]
struct ErrorTemplate<'a> {
    layout: Layout,
    status: u16,
    reason: &'a str,
    message: &'a str,
}

/// Pages for errors, which have no visitor at hand: plain layout, default settings.
pub struct ErrorPage;

impl ErrorPage {
    pub fn bare(status: StatusCode, message: &str) -> String {
        let reason = reason_zh(status);
        let layout = Layout {
            agency_name: String::new(),
            logo_url: String::new(),
            title: reason.to_string(),
            area: Area::Public,
            prefs: Prefs {
                font: "normal".to_string(),
                high_contrast: false,
            },
            user: None,
            csrf_token: String::new(),
            banner: None,
            back: "%2F".to_string(),
            header_search: true,
        };
        ErrorTemplate {
            layout,
            status: status.as_u16(),
            reason,
            message,
        }
        .render()
        .unwrap_or_else(|_| message.to_string())
    }
}

/// The status as people read it.
fn reason_zh(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "请求无效",
        401 => "需要登录",
        403 => "无权访问",
        404 => "页面不存在",
        405 => "访问方式不正确",
        408 => "请求超时",
        409 => "内容冲突",
        413 => "内容过大",
        415 => "格式不正确",
        422 => "填写有误",
        429 => "请稍后再试",
        _ => "出错了",
    }
}
