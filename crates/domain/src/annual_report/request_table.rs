//! Section 三's request table computed from request records: the facts it needs of
//! one request, its rows of applicant columns, and how a year's rows are counted.

use super::{ApplicantType, Outcome};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// What section 三 needs to know of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestFacts {
    pub applicant: ApplicantType,
    pub received: NaiveDate,
    /// The reply's date and outcome, once replied.
    pub reply: Option<(NaiveDate, Outcome)>,
}

/// One row of section 三: the six applicant columns and their total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Row {
    pub natural_person: u64,
    pub commercial: u64,
    pub research: u64,
    pub public_interest: u64,
    pub legal_service: u64,
    pub other_organisation: u64,
    pub total: u64,
}

impl Row {
    fn add(&mut self, applicant: ApplicantType) {
        let cell = match applicant {
            ApplicantType::NaturalPerson => &mut self.natural_person,
            ApplicantType::Commercial => &mut self.commercial,
            ApplicantType::Research => &mut self.research,
            ApplicantType::PublicInterest => &mut self.public_interest,
            ApplicantType::LegalService => &mut self.legal_service,
            ApplicantType::OtherOrganisation => &mut self.other_organisation,
        };
        *cell += 1;
        self.total += 1;
    }

    /// The cell of column `column`: the six applicant columns in order, then 总计.
    pub(super) fn cell(&self, column: usize) -> u64 {
        self.cells().get(column).copied().unwrap_or(self.total)
    }

    /// The six applicant cells, in column order.
    pub fn cells(&self) -> [u64; 6] {
        [
            self.natural_person,
            self.commercial,
            self.research,
            self.public_interest,
            self.legal_service,
            self.other_organisation,
        ]
    }
}

/// Section 三 (收到和处理政府信息公开申请情况) of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestTable {
    pub year: i32,
    /// 一、本年新收政府信息公开申请数量.
    pub received: Row,
    /// 二、上年结转政府信息公开申请数量.
    pub carried_over: Row,
    /// 三、本年度办理结果, one row per outcome in [`Outcome::ALL`] order.
    pub outcomes: Vec<(Outcome, Row)>,
    /// （七）总计.
    pub handled: Row,
    /// 四、结转下年度继续办理.
    pub carried_forward: Row,
}

impl RequestTable {
    /// The table of `year` from the records: a request counts as received in the year
    /// of its receipt, as handled in the year of its reply, and as carried over into a
    /// year it entered unreplied. 二 is therefore always last year's 四.
    pub fn compute(year: i32, requests: &[RequestFacts]) -> RequestTable {
        let mut table = RequestTable {
            year,
            received: Row::default(),
            carried_over: Row::default(),
            outcomes: Outcome::ALL.iter().map(|o| (*o, Row::default())).collect(),
            handled: Row::default(),
            carried_forward: Row::default(),
        };
        for request in requests {
            let received_year = request.received.year();
            let replied_year = request.reply.map(|(date, _)| date.year());
            if received_year > year {
                continue;
            }
            if received_year == year {
                table.received.add(request.applicant);
            }
            let open_at_start = received_year < year && replied_year.is_none_or(|y| y >= year);
            if open_at_start {
                table.carried_over.add(request.applicant);
            }
            match request.reply {
                Some((date, outcome)) if date.year() == year => {
                    table.outcomes[outcome.index()].1.add(request.applicant);
                    table.handled.add(request.applicant);
                }
                Some((date, _)) if date.year() < year => {}
                _ => table.carried_forward.add(request.applicant),
            }
        }
        table
    }
}
