//! The page kit: what every area of the web shares, and nothing of any area.
//!
//! The state handlers reach ([`state`]), the base layout of public and console pages
//! ([`layout`]), who is asking and the extractors that say so ([`visitor`],
//! [`extract`], [`session`] with the CSRF check), errors as pages and as JSON with
//! their status codes ([`error`], [`error_page`], [`api_error`], [`fallback`]),
//! rendering ([`render`]), times and dates ([`mod@format`]), downloads ([`download`]), the
//! one multipart reader ([`multipart`]), the pager ([`pager`]), the bar chart
//! ([`chart`]), and the outer
//! middleware ([`security`], [`metrics`], [`limits`] with the [`client`]'s address).
//!
//! Areas import the kit; the kit imports no area (`crates/layers/tests` checks it).

pub mod api_error;
pub mod chart;
pub mod client;
pub mod download;
pub mod error;
pub mod error_page;
pub mod extract;
pub mod fallback;
pub mod format;
pub mod layout;
pub mod limits;
pub mod metrics;
pub mod multipart;
pub mod pager;
pub mod render;
pub mod security;
pub mod session;
pub mod state;
pub mod visitor;
