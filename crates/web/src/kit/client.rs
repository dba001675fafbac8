//! Who is at the other end: the client's address, as the connection gives it or, from
//! a configured trusted proxy only, as its `X-Forwarded-For` says.

use axum::extract::{ConnectInfo, Request};
use ipnet::IpNet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The address of the client of a request, left in the request's extensions by
/// [`super::limits::middleware`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// The client of `request`. The peer of the connection is the client unless it is
    /// a trusted proxy; then the client is the right-most `X-Forwarded-For` entry that
    /// is not itself a trusted proxy (entries further left are whatever the client
    /// chose to send, so they are never believed).
    pub fn of(request: &Request, trusted: &[IpNet]) -> ClientAddr {
        let peer = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
        let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
        if !is_trusted(&peer) {
            return ClientAddr(peer);
        }
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let client = forwarded
            .iter()
            .rev()
            .map(|entry| entry.parse::<IpAddr>().ok())
            .find(|ip| ip.is_none_or(|ip| !is_trusted(&ip)));
        // An entry that is no address stops the walk: what lies left of it cannot be
        // trusted, so the request counts as the proxy's own.
        ClientAddr(client.flatten().unwrap_or(peer))
    }
}

impl std::fmt::Display for ClientAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use axum::body::Body;

    fn request(peer: &str, forwarded: &[&str]) -> Request {
        let mut builder = Request::builder().uri("/");
        for value in forwarded {
            builder = builder.header("x-forwarded-for", *value);
        }
        let mut request = builder.body(Body::empty()).unwrap();
        let peer: SocketAddr = format!("{peer}:40000").parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(peer));
        request
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter()
            .map(|s| gongkai_app::config::parse_net(s).unwrap())
            .collect()
    }

    #[test]
    fn the_header_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        let spoofed = request("203.0.113.9", &["1.2.3.4"]);
        assert_eq!(
            ClientAddr::of(&spoofed, &nets(&["10.0.0.0/8"])).to_string(),
            "203.0.113.9"
        );
        let proxied = request("10.0.0.2", &["1.2.3.4, 198.51.100.7"]);
        assert_eq!(
            ClientAddr::of(&proxied, &nets(&["10.0.0.0/8"])).to_string(),
            "198.51.100.7"
        );
    }

    #[test]
    fn chained_trusted_proxies_are_skipped_and_garbage_is_not_believed() {
        let chained = request("10.0.0.2", &["6.6.6.6, 198.51.100.7", "10.0.0.3"]);
        assert_eq!(
            ClientAddr::of(&chained, &nets(&["10.0.0.0/8"])).to_string(),
            "198.51.100.7"
        );
        let garbage = request("10.0.0.2", &["6.6.6.6, not-an-address"]);
        assert_eq!(
            ClientAddr::of(&garbage, &nets(&["10.0.0.0/8"])).to_string(),
            "10.0.0.2"
        );
        let nothing = request("10.0.0.2", &[]);
        assert_eq!(
            ClientAddr::of(&nothing, &nets(&["10.0.0.0/8"])).to_string(),
            "10.0.0.2"
        );
    }
}
