//! 信息处理费 (条例第四十二条; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号):
//! the two progressive charging methods and the payment window.
//!
//! * 按件计收 (Art. 4): requests of one applicant in one calendar month, counted
//!   together: the 1st–10th are free, the 11th–30th cost 100 元 each, and from the 31st
//!   on each further band of 10 requests costs 100 元 more per request (31st–40th
//!   200 元, 41st–50th 300 元…).
//! * 按量计收 (Art. 5): pages of one request: 1–30 free, 31–100 10 元 a page, 101–200
//!   20 元, from 201 on 40 元.
//! * Both are 超额累进: each band's rate applies to the part within the band only
//!   (Art. 3). One request is charged by one method, never both.
//! * The applicant pays within 20 working days from the day after receiving the fee
//!   notice; unpaid, the request is treated as abandoned (其他处理 row 2 of the annual
//!   report).

use chrono::NaiveDate;

use crate::calendar::{Calendar, Reckoned};

/// Working days to pay after receiving the fee notice.
pub const PAYMENT_WORKDAYS: u32 = 20;

/// Requests per month that are free (按件计收).
const FREE_REQUESTS: u32 = 10;
/// The last request of the 100 元 band.
const FIRST_BAND_END: u32 = 30;
/// The rate of the first paid band, and the rise of each later band, in 元.
const REQUEST_RATE_STEP: u32 = 100;
/// Requests per band from the 31st on.
const LATER_BAND: u32 = 10;

/// The fee, in 元, of an applicant's `n`-th request (1-based) in a calendar month.
pub fn per_request_fee(n: u32) -> u32 {
    if n <= FREE_REQUESTS {
        0
    } else if n <= FIRST_BAND_END {
        REQUEST_RATE_STEP
    } else {
        let band = (n - FIRST_BAND_END - 1) / LATER_BAND;
        REQUEST_RATE_STEP.saturating_mul(band.saturating_add(2))
    }
}

/// The fees, in 元, of an applicant's first `count` requests in a month, together.
pub fn per_request_total(count: u32) -> u64 {
    let step = u128::from(REQUEST_RATE_STEP);
    let first_band = u128::from(count.min(FIRST_BAND_END).saturating_sub(FREE_REQUESTS)) * step;
    let beyond = u128::from(count.saturating_sub(FIRST_BAND_END));
    let (full, rest) = (
        beyond / u128::from(LATER_BAND),
        beyond % u128::from(LATER_BAND),
    );
    // Full band k (k = 0, 1, …) costs LATER_BAND × step × (k + 2).
    let full_bands = u128::from(LATER_BAND) * step * (full * (full + 3) / 2);
    let partial = rest * step * (full + 2);
    u64::try_from(first_band + full_bands + partial).unwrap_or(u64::MAX)
}

/// Page bands of 按量计收: (last page of the band, 元 per page).
const PAGE_BANDS: [(u32, u32); 3] = [(30, 0), (100, 10), (200, 20)];
/// 元 per page beyond the last band.
const PAGE_RATE_BEYOND: u32 = 40;

/// The fee, in 元, of a request of `pages` pages (按量计收).
pub fn per_page_fee(pages: u32) -> u64 {
    let mut fee = 0u64;
    let mut below = 0u32;
    for (end, rate) in PAGE_BANDS {
        let in_band = pages.min(end).saturating_sub(below);
        fee += u64::from(in_band) * u64::from(rate);
        below = end;
    }
    fee + u64::from(pages.saturating_sub(below)) * u64::from(PAGE_RATE_BEYOND)
}

/// The last day to pay, for a notice received on `notice_received`.
pub fn payment_due(notice_received: NaiveDate, calendar: &Calendar) -> Reckoned<NaiveDate> {
    calendar.add_workdays(notice_received, PAYMENT_WORKDAYS)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::calendar::parse_date;

    #[test]
    fn per_request_bands_follow_article_4() {
        assert_eq!(per_request_fee(1), 0);
        assert_eq!(per_request_fee(10), 0);
        assert_eq!(per_request_fee(11), 100);
        assert_eq!(per_request_fee(30), 100);
        assert_eq!(per_request_fee(31), 200);
        assert_eq!(per_request_fee(40), 200);
        assert_eq!(per_request_fee(41), 300);
        assert_eq!(per_request_fee(51), 400);
        // rules.md's worked example: 45 requests in a month cost 5 500 元.
        assert_eq!(per_request_total(45), 5_500);
        assert_eq!(per_request_total(0), 0);
        // The closed form agrees with the sum of the single fees.
        for count in 0..200 {
            let summed: u64 = (1..=count).map(|n| u64::from(per_request_fee(n))).sum();
            assert_eq!(per_request_total(count), summed, "{count}");
        }
        assert!(per_request_total(u32::MAX) > per_request_total(1_000_000));
    }

    #[test]
    fn per_page_bands_follow_article_5() {
        assert_eq!(per_page_fee(0), 0);
        assert_eq!(per_page_fee(30), 0);
        assert_eq!(per_page_fee(31), 10);
        assert_eq!(per_page_fee(100), 700);
        assert_eq!(per_page_fee(101), 720);
        assert_eq!(per_page_fee(200), 2_700);
        // rules.md's worked example: 250 pages cost 4 700 元.
        assert_eq!(per_page_fee(250), 4_700);
        assert_eq!(
            per_page_fee(u32::MAX),
            per_page_fee(200) + u64::from(u32::MAX - 200) * 40
        );
    }

    #[test]
    fn payment_is_due_twenty_working_days_after_the_notice() {
        // Notice received Fri 2025-01-24: the same 20 working days as a reply.
        let due = payment_due(parse_date("2025-01-24").unwrap(), &Calendar::builtin());
        assert_eq!(due.value, parse_date("2025-02-27").unwrap());
    }
}
