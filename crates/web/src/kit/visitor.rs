//! Who is asking: the session (if any), the CSRF token their forms must carry, and
//! their display preferences; the site's cookies that carry them.
//!
//! The [`Visitor`] is made once per request by `kit::session::middleware`; handlers
//! take it (or [`Staff`]) with the extractors of `kit::extract`.

use super::state::AppState;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use gongkai_app::access::CurrentUser;
use gongkai_app::auth::SignedIn;

pub const SESSION_COOKIE: &str = "gk_session";
pub const CSRF_COOKIE: &str = "gk_csrf";
const FONT_COOKIE: &str = "gk_font";
const CONTRAST_COOKIE: &str = "gk_contrast";
/// The form field (or `x-csrf-token` header) that carries the token.
pub const CSRF_FIELD: &str = "csrf_token";

/// Display preferences for older readers (适老化), kept in cookies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefs {
    /// `normal`, `large` or `xlarge`.
    pub font: String,
    pub high_contrast: bool,
}

impl Prefs {
    pub const FONTS: [&'static str; 3] = ["normal", "large", "xlarge"];

    pub fn from_jar(jar: &CookieJar) -> Prefs {
        let font = jar
            .get(FONT_COOKIE)
            .map(|c| c.value())
            .filter(|v| Prefs::FONTS.contains(v))
            .unwrap_or("normal");
        Prefs {
            font: font.to_string(),
            high_contrast: jar
                .get(CONTRAST_COOKIE)
                .is_some_and(|c| c.value() == "high"),
        }
    }
}

/// The person behind a request.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub signed_in: Option<SignedIn>,
    pub session_token: Option<String>,
    pub(super) anonymous_csrf: String,
    pub prefs: Prefs,
    /// Path and query of the request, for links that come back here.
    pub here: String,
}

impl Visitor {
    /// The token this visitor's forms must carry.
    pub fn csrf_token(&self) -> &str {
        match &self.signed_in {
            Some(s) => &s.csrf_token,
            None => &self.anonymous_csrf,
        }
    }

    pub fn user(&self) -> Option<&CurrentUser> {
        self.signed_in.as_ref().map(|s| &s.user)
    }
}

/// A signed-in staff member; anyone else is sent to the login page.
pub struct Staff {
    pub user: CurrentUser,
    pub visitor: Visitor,
}

/// A cookie for this site: HttpOnly, SameSite=Lax, `Secure` behind TLS.
pub fn site_cookie(state: &AppState, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.app.settings.server.cookies_secure())
        .build()
}

/// A long-lived preference cookie.
pub fn preference_cookie(state: &AppState, name: &'static str, value: String) -> Cookie<'static> {
    let mut cookie = site_cookie(state, name, value);
    cookie.set_max_age(time::Duration::days(365));
    cookie
}

pub const FONT: &str = FONT_COOKIE;
pub const CONTRAST: &str = CONTRAST_COOKIE;

pub fn add_cookie(response: &mut Response, cookie: Cookie<'static>) {
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}
