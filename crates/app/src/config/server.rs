//! The web server's settings (`[server]`) and its abuse limits (`[limits]`): where
//! it listens, how the public reaches it, sessions, trusted proxies, who may read
//! `/metrics`, and how many attempts one client address may make.

use ipnet::IpNet;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// The web server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    /// Addresses to listen on, e.g. `127.0.0.1:8080` or `[::1]:8080`.
    pub listen: Vec<String>,
    /// The address the public uses, e.g. `https://xxgk.example.gov.cn` (empty: not
    /// known). When it is https, cookies are `Secure` and HSTS is sent.
    pub public_url: String,
    /// Overrides whether cookies are `Secure`; unset, they are whenever
    /// `public_url` is https.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secure_cookies: Option<bool>,
    /// Minutes of inactivity after which a session ends.
    pub session_idle_minutes: u32,
    /// Hours after sign-in after which a session ends however active it was.
    pub session_lifetime_hours: u32,
    /// Seconds a request may take before it is answered with 408.
    pub request_timeout_seconds: u32,
    /// Largest accepted request body, in bytes.
    pub body_limit_bytes: usize,
    /// Reverse proxies (addresses or networks, e.g. `10.0.0.0/8`) whose
    /// `X-Forwarded-For` is believed; from anyone else the header is ignored.
    pub trusted_proxies: Vec<String>,
    /// Addresses or networks that may read `/metrics` without a token.
    pub metrics_allow: Vec<String>,
    /// A token that lets anyone else read `/metrics` (`Authorization: Bearer …`);
    /// empty: no token is accepted.
    pub metrics_token: String,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            listen: vec!["127.0.0.1:8080".to_string()],
            public_url: String::new(),
            secure_cookies: None,
            session_idle_minutes: 30,
            session_lifetime_hours: 12,
            request_timeout_seconds: 30,
            body_limit_bytes: 10 * 1024 * 1024,
            trusted_proxies: Vec::new(),
            metrics_allow: vec!["127.0.0.1".to_string(), "::1".to_string()],
            metrics_token: String::new(),
        }
    }
}

impl ServerSettings {
    /// Whether the public reaches the platform over https.
    pub fn is_https(&self) -> bool {
        self.public_url
            .trim()
            .get(..8)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
    }

    /// Whether cookies carry `Secure`.
    pub fn cookies_secure(&self) -> bool {
        self.secure_cookies.unwrap_or_else(|| self.is_https())
    }

    /// The trusted proxies, parsed (entries that do not parse were refused at load).
    pub fn trusted_proxy_nets(&self) -> Vec<IpNet> {
        self.trusted_proxies
            .iter()
            .filter_map(|s| parse_net(s))
            .collect()
    }

    /// The networks that may read `/metrics`.
    pub fn metrics_nets(&self) -> Vec<IpNet> {
        self.metrics_allow
            .iter()
            .filter_map(|s| parse_net(s))
            .collect()
    }

    /// The first entry of the address lists that is neither an address nor a
    /// network, with its key.
    pub(super) fn bad_address(&self) -> Option<(&'static str, &str)> {
        let lists = [
            ("server.trusted_proxies", &self.trusted_proxies),
            ("server.metrics_allow", &self.metrics_allow),
        ];
        lists.into_iter().find_map(|(key, list)| {
            list.iter()
                .find(|s| parse_net(s).is_none())
                .map(|s| (key, s.as_str()))
        })
    }
}

/// An address (`10.1.2.3`, `::1`) or a network (`10.0.0.0/8`).
pub fn parse_net(text: &str) -> Option<IpNet> {
    let text = text.trim();
    text.parse::<IpNet>()
        .ok()
        .or_else(|| text.parse::<IpAddr>().ok().map(IpNet::from))
}

/// How many attempts one client address may make per minute, by kind of action (0:
/// no limit). Each allows a burst of its whole minute's worth at once, then one
/// attempt every 60/N seconds. Counted per node: see docs/configuration.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitSettings {
    /// Sign-in attempts (`POST /login`).
    pub login_per_minute: u32,
    /// Password changes.
    pub password_per_minute: u32,
    /// Public submissions: disclosure requests, messages, comments on drafts.
    pub submit_per_minute: u32,
    /// Tracking look-ups of requests and messages (and rating a reply).
    pub track_per_minute: u32,
    /// Searches (the search page, the search API, Q&A matching).
    pub search_per_minute: u32,
}

impl Default for LimitSettings {
    fn default() -> Self {
        LimitSettings {
            login_per_minute: 10,
            password_per_minute: 5,
            submit_per_minute: 10,
            track_per_minute: 30,
            search_per_minute: 120,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn cookies_are_secure_when_the_public_url_is_https_unless_overridden() {
        let mut server = ServerSettings::default();
        assert!(!server.cookies_secure());
        server.public_url = "HTTPS://xxgk.example.gov.cn".to_string();
        assert!(server.is_https() && server.cookies_secure());
        server.secure_cookies = Some(false);
        assert!(!server.cookies_secure());
        server.public_url = "http://10.0.0.5".to_string();
        assert!(!server.is_https());
    }

    #[test]
    fn address_lists_take_addresses_and_networks_only() {
        let mut server = ServerSettings {
            trusted_proxies: vec!["10.0.0.0/8".to_string(), " ::1 ".to_string()],
            ..ServerSettings::default()
        };
        assert_eq!(server.trusted_proxy_nets().len(), 2);
        assert_eq!(server.bad_address(), None);
        server.metrics_allow.push("localhost".to_string());
        assert_eq!(
            server.bad_address(),
            Some(("server.metrics_allow", "localhost"))
        );
        assert!(server.trusted_proxy_nets()[0].contains(&"10.9.8.7".parse::<IpAddr>().unwrap()));
    }
}
