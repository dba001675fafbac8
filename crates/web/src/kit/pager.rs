//! The page numbers under a list: 上一页, the first and the last page, the pages around
//! the current one with gaps between, 下一页. Links are written by the caller, so that
//! every list keeps its own filters.

/// Page numbers shown on each side of the current page.
const AROUND: u64 = 2;

/// One page number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    pub number: u64,
    pub href: String,
    pub current: bool,
}

/// What the pager template shows; `None` in `items` is a gap (…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    pub prev: Option<String>,
    pub next: Option<String>,
    pub items: Vec<Option<PageLink>>,
}

impl Pager {
    /// The pager of page `page` (from 1) of `pages`, `href` giving each page's link.
    pub fn new(page: u64, pages: u64, href: impl Fn(u64) -> String) -> Pager {
        let pages = pages.max(1);
        let mut items = Vec::new();
        let mut last_shown = 0;
        for number in 1..=pages {
            let shown = number == 1 || number == pages || number.abs_diff(page) <= AROUND;
            if !shown {
                continue;
            }
            if number > last_shown + 1 {
                items.push(None);
            }
            items.push(Some(PageLink {
                number,
                href: href(number),
                current: number == page,
            }));
            last_shown = number;
        }
        Pager {
            prev: (page > 1).then(|| href(page.min(pages + 1) - 1)),
            next: (page < pages).then(|| href(page + 1)),
            items,
        }
    }

    /// Whether there is more than one page to choose from.
    pub fn is_needed(&self) -> bool {
        self.items.len() > 1
    }
}

/// How many pages `total` items fill, `per_page` a page (at least one page).
pub fn page_count(total: u64, per_page: u64) -> u64 {
    total.div_ceil(per_page.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn numbers(pager: &Pager) -> String {
        pager
            .items
            .iter()
            .map(|item| match item {
                Some(link) if link.current => format!("[{}]", link.number),
                Some(link) => link.number.to_string(),
                None => "…".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_pages_around_the_current_one_are_shown_with_the_first_and_the_last() {
        let cases = [
            (1, 1, "[1]"),
            (1, 3, "[1] 2 3"),
            (5, 10, "1 … 3 4 [5] 6 7 … 10"),
            (1, 10, "[1] 2 3 … 10"),
            (10, 10, "1 … 8 9 [10]"),
            (4, 7, "1 2 3 [4] 5 6 7"),
        ];
        for (page, pages, expected) in cases {
            assert_eq!(
                numbers(&Pager::new(page, pages, |n| n.to_string())),
                expected,
                "page {page} of {pages}"
            );
        }
    }

    #[test]
    fn previous_and_next_stay_within_the_pages() {
        let href = |n: u64| format!("?page={n}");
        let first = Pager::new(1, 3, href);
        assert_eq!((first.prev, first.next.as_deref()), (None, Some("?page=2")));
        let last = Pager::new(3, 3, href);
        assert_eq!((last.prev.as_deref(), last.next), (Some("?page=2"), None));
        let beyond = Pager::new(9, 3, href);
        assert_eq!(beyond.prev.as_deref(), Some("?page=3"));
        assert!(!Pager::new(1, 1, href).is_needed());
    }

    #[test]
    fn page_counts_round_up_and_never_reach_zero() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
    }
}
