//! The public search page and the filters of the library list.

use crate::helpers::TestApp;
use gongkai_app::Actor;
use gongkai_app::documents::import_text;
use reqwest::StatusCode;

fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// An attribute value as the browser reads it (askama writes `&` as `&#38;`).
fn attr(value: &str) -> String {
    value.replace("&#38;", "&").replace("&amp;", "&")
}

/// The number in "共找到 N 个结果".
fn total(html: &str) -> u64 {
    let start = html.find("共找到 ").expect("a result count") + "共找到 ".len();
    let end = html[start..].find(' ').unwrap() + start;
    html[start..end].parse().unwrap()
}

/// The text between `from` and the next `to` after it.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} missing: {html}"))
        + from.len();
    let end = html[start..].find(to).unwrap() + start;
    &html[start..end]
}

/// The links of one facet: (href, label, count).
fn facet_links(html: &str, facet: &str) -> Vec<(String, String, u64)> {
    let section = between(
        html,
        &format!("aria-labelledby=\"facet-{facet}\">"),
        "</section>",
    );
    section
        .split("<a href=\"")
        .skip(1)
        .map(|link| {
            let href = attr(&link[..link.find('"').unwrap()]);
            let label = between(link, "\">", "<span").to_string();
            let count = between(link, "（", "）").parse().unwrap();
            (href, label, count)
        })
        .collect()
}

#[tokio::test]
async fn the_search_page_finds_seeds_by_a_word_with_highlights() {
    let app = TestApp::spawn().await;
    let path = format!("/search?q={}", url_encode("政务公开"));
    let (status, html) = app.client().get_text(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(total(&html) >= 4, "{html}");
    assert!(html.contains("<mark>"), "{html}");
    assert!(
        html.contains("渝中区2022年政务公开工作要点任务分工"),
        "{html}"
    );
    for label in ["发文字号", "发布机构", "发布日期", "有效性"] {
        assert!(html.contains(&format!("<dt>{label}</dt>")), "{label}");
    }
    assert!(html.contains("<label for=\"q\">检索词</label>"));
    assert!(
        html.contains("value=\"政务公开\""),
        "the form keeps the words"
    );
    for facet in ["issuer", "topic", "genre", "year", "validity"] {
        assert!(!facet_links(&html, facet).is_empty(), "{facet}");
    }
}

#[tokio::test]
async fn the_search_page_finds_a_doc_number_written_with_other_brackets_first() {
    let app = TestApp::spawn().await;
    for q in ["渝中府办[2022]24号", "渝中府办（2022）24号"] {
        let path = format!("/search?q={}", url_encode(q));
        let (status, html) = app.client().get_text(&path).await;
        assert_eq!(status, StatusCode::OK, "{q}");
        let first_hit = between(&html, "<li class=\"hit\">", "</li>");
        assert!(
            first_hit.contains("<dd>渝中府办〔2022〕24号</dd>"),
            "{q}: {first_hit}"
        );
    }
}

#[tokio::test]
async fn a_facet_link_narrows_the_results_to_its_count_and_can_be_removed() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (_, html) = client
        .get_text(&format!("/search?q={}", url_encode("政务公开")))
        .await;
    let all = total(&html);
    let years = facet_links(&html, "year");
    assert!(years.len() >= 2, "{years:?}");
    for (href, label, count) in years {
        assert!(
            href.contains("q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80"),
            "{href}"
        );
        let (status, narrowed) = client.get_text(&href).await;
        assert_eq!(status, StatusCode::OK, "{href}");
        assert_eq!(total(&narrowed), count, "{label}: {href}");
        assert!(count < all, "{label} narrows");
        assert!(narrowed.contains(&format!("× {label}")), "{label} chip");
        let chip = attr(between(&narrowed, "<a class=\"chip\" href=\"", "\""));
        let (_, widened) = client.get_text(&chip).await;
        assert_eq!(total(&widened), all, "removing {label}");
    }
    let validity = facet_links(&html, "validity");
    let (href, label, count) = &validity[0];
    let (_, narrowed) = client.get_text(href).await;
    assert_eq!((label.as_str(), total(&narrowed)), ("有效", *count));
}

#[tokio::test]
async fn the_order_can_be_switched_to_newest_first() {
    let app = TestApp::spawn().await;
    let path = format!("/search?q={}&sort=date", url_encode("政务公开"));
    let (status, html) = app.client().get_text(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("aria-current=\"true\">最新发布</a>"),
        "{html}"
    );
    let dates: Vec<&str> = html
        .split("<dt>发布日期</dt><dd>")
        .skip(1)
        .map(|rest| &rest[..rest.find('<').unwrap()])
        .filter(|d| *d != "—")
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

#[tokio::test]
async fn a_bad_year_or_validity_is_a_400_page_with_a_chinese_message() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let cases = [
        ("/search?q=x&year=abc", "“abc”不是有效的年份"),
        (
            "/search?year=%E4%BA%8C%E3%80%87%E4%BA%8C%E4%B8%80",
            "不是有效的年份",
        ),
        ("/search?q=x&validity=maybe", "maybe"),
        ("/search?q=x&sort=sideways", "sideways"),
        ("/documents?year=abc", "“abc”不是有效的年份"),
        ("/documents?validity=maybe", "maybe"),
    ];
    for (path, message) in cases {
        let (status, html) = client.get_text(path).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        assert!(html.contains("role=\"alert\""), "{path}: {html}");
        assert!(html.contains(message), "{path}: {html}");
    }
    let response = client.get("/api/v1/search?q=x&year=abc").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid_input");
}

#[tokio::test]
async fn markup_in_a_document_reaches_the_search_page_escaped() {
    let app = TestApp::spawn().await;
    let text = "关于<script>alert(1)</script>防汛检查的通知\n\n\
                防汛检查<script>alert(1)</script>要求<img src=x onerror=alert(1)>落实到位。\n";
    import_text(&app.app, &Actor::system("test"), text)
        .await
        .unwrap();
    let path = format!("/search?q={}", url_encode("防汛检查"));
    let (status, html) = app.client().get_text(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(total(&html), 1, "{html}");
    let snippet = between(&html, "<p class=\"snippet\">", "</p>");
    assert!(snippet.contains("<mark>"), "{snippet}");
    assert!(
        snippet.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{snippet}"
    );
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
}

#[tokio::test]
async fn filters_narrow_the_library_list_and_the_form_shows_them() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let cases = [
        ("/documents?year=2019", "共 1 件"),
        (
            &format!("/documents?issuer={}", url_encode("两江新区管委会")),
            "共 1 件",
        ),
        (
            &format!("/documents?topic={}&year=2020", url_encode("行政事务")),
            "共 1 件",
        ),
        ("/documents?validity=repealed", "共 0 件"),
        ("/documents?topic=&genre=&year=&validity=", "共 5 件"),
    ];
    for (path, expected) in cases {
        let (status, html) = client.get_text(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(html.contains(expected), "{path}: {html}");
    }
    let (_, html) = client
        .get_text(&format!("/documents?topic={}", url_encode("行政事务")))
        .await;
    assert!(
        html.contains("<option value=\"行政事务\" selected>行政事务</option>"),
        "{html}"
    );
    for label in ["发布机构", "主题分类", "体裁分类", "发布年份", "有效性"] {
        assert!(html.contains(&format!("\">{label}</label>")), "{label}");
    }
    assert!(html.contains("<option value=\"卫生、体育\\医药管理\">"));
    assert!(html.contains("<option value=\"repealed\">废止</option>"));
}

#[tokio::test]
async fn the_pages_of_a_filtered_list_keep_the_filters() {
    let app = TestApp::spawn().await;
    for n in 0..21 {
        let text = format!("关于第{n}号测试事项的通知\n\n测试正文{n}。\n");
        import_text(&app.app, &Actor::system("test"), &text)
            .await
            .unwrap();
    }
    let client = app.client();
    let (_, html) = client.get_text("/documents?validity=valid").await;
    assert!(html.contains("共 26 件"), "{html}");
    let next = between(&html, "<a href=\"", "\" rel=\"next\">下一页");
    let next = &next[next.rfind('"').map_or(0, |i| i + 1)..];
    assert_eq!(attr(next), "/documents?validity=valid&page=2");
    assert!(html.contains("aria-current=\"page\">1</a>"), "{html}");
    let (_, second) = client.get_text("/documents?validity=valid&page=2").await;
    assert_eq!(second.matches("<li>\n    <a href=\"/documents/").count(), 6);
    let (_, search) = client.get_text("/search?q=%E6%B5%8B%E8%AF%95&page=2").await;
    assert!(search.contains("aria-current=\"page\">2</a>"), "{search}");
    assert!(search.contains("rel=\"prev\">上一页"), "{search}");
}

#[tokio::test]
async fn the_header_has_a_search_box_and_the_nav_a_search_link() {
    let app = TestApp::spawn().await;
    let (_, home) = app.client().get_text("/").await;
    assert!(home.contains("action=\"/search\""), "{home}");
    assert!(home.contains("<label for=\"site-q\""), "{home}");
    assert!(home.contains("<a href=\"/search\">检索</a>"), "{home}");
    let (_, search) = app.client().get_text("/search").await;
    assert!(
        !search.contains("id=\"site-q\""),
        "one search box on the search page"
    );
}
