//! Letters about a disclosure request, written from its record: which letters the
//! record allows (a 补正告知书 once the correction notice is recorded, a 延长答复期限
//! 告知书 once extended, a 征求第三方意见函 per consultation, the 答复书 of the reply's
//! outcome), the fields filled from the record, the agency's own template or the
//! built-in one, and the letter as paragraphs or as a Word document.
//!
//! Only those who handle the request see its letters (as they see the request). A
//! template that names a field the record lacks is refused with the field named:
//! a letter never goes out with a blank.

pub mod templates;

use crate::access::CurrentUser;
use crate::docx::{self, Block};
use crate::requests::{Handling, clock_input, detail};
use crate::{App, Error, Result};
use gongkai_domain::letter::{
    self, DEFAULT_CORRECTION_PERIOD, Field, Fields, LetterKind, date_zh, decision_zh,
    withheld_part_zh,
};
use gongkai_domain::request_clock;
use gongkai_store::requests::{Event, EventKind};
use gongkai_store::{RequestId, orgs};

/// Which letter of a request: its kind, and for a consultation letter which
/// consultation (1 for the first recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterRef {
    pub kind: LetterKind,
    pub nth: Option<usize>,
}

impl LetterRef {
    /// The address segment: the kind's code, `third_party.N` for a consultation.
    pub fn code(&self) -> String {
        match self.nth {
            Some(n) => format!("{}.{n}", self.kind.code()),
            None => self.kind.code(),
        }
    }

    /// The letter a segment names.
    pub fn parse(code: &str) -> Option<LetterRef> {
        let third_party = LetterKind::ThirdPartyConsultation.code();
        if let Some(n) = code.strip_prefix(&format!("{third_party}.")) {
            let nth = n.parse().ok().filter(|n| *n > 0)?;
            return Some(LetterRef {
                kind: LetterKind::ThirdPartyConsultation,
                nth: Some(nth),
            });
        }
        let kind = LetterKind::parse(code)?;
        (kind != LetterKind::ThirdPartyConsultation).then_some(LetterRef { kind, nth: None })
    }

    /// How the letter is listed on the request's page.
    pub fn label_zh(&self) -> String {
        match (self.kind, self.nth) {
            (_, Some(n)) => format!("{}（第{n}次征求意见）", self.kind.title_zh()),
            (LetterKind::Reply(outcome), None) => {
                // The block's label without its ordinal: （三）不予公开 -> 不予公开.
                let block = outcome.block().label_zh();
                let name = block.rsplit('）').next().unwrap_or(block);
                format!("{}（{name}）", self.kind.title_zh())
            }
            (_, None) => self.kind.title_zh().to_string(),
        }
    }
}

/// A letter, ready to print.
#[derive(Debug, Clone)]
pub struct Letter {
    pub title: String,
    pub paragraphs: Vec<String>,
    /// The signing agency and the letter's date, right-aligned below the text.
    pub signature: Vec<String>,
    pub serial: String,
}

fn first(events: &[Event], kind: EventKind) -> Option<&Event> {
    events.iter().find(|e| e.kind == kind)
}

fn stops(events: &[Event]) -> impl Iterator<Item = &Event> {
    events.iter().filter(|e| e.kind == EventKind::Stop)
}

/// The letters a request's record allows, in the order of handling.
pub fn available(handling: &Handling) -> Vec<LetterRef> {
    let events = &handling.events;
    let mut letters = Vec::new();
    if first(events, EventKind::CorrectionNotice).is_some() {
        letters.push(LetterRef {
            kind: LetterKind::CorrectionNotice,
            nth: None,
        });
    }
    letters.extend((1..=stops(events).count()).map(|n| LetterRef {
        kind: LetterKind::ThirdPartyConsultation,
        nth: Some(n),
    }));
    if first(events, EventKind::Extension).is_some() {
        letters.push(LetterRef {
            kind: LetterKind::ExtensionNotice,
            nth: None,
        });
    }
    if first(events, EventKind::FeeNotice).is_some() {
        letters.push(LetterRef {
            kind: LetterKind::FeeNotice,
            nth: None,
        });
    }
    if let Some((_, outcome)) = handling.request.reply {
        letters.push(LetterRef {
            kind: LetterKind::Reply(outcome),
            nth: None,
        });
    }
    letters
}

/// The fields of a letter, from the request's record. A value the record does not
/// have is left out (rendering then names it); the correction period alone has a
/// default, the common practice of 15 working days (条例第三十条 asks for a reasonable
/// period and the record keeps no date for it).
fn fields(app: &App, agency: &str, handling: &Handling, which: LetterRef) -> Result<Fields> {
    let request = &handling.request;
    let events = &handling.events;
    let mut fields = Fields::new();
    let mut set = |field: Field, value: String| {
        fields.insert(field, value);
    };
    set(Field::Agency, agency.to_string());
    set(Field::Applicant, request.fields.applicant_name.clone());
    set(Field::Serial, request.serial.clone());
    set(Field::Received, date_zh(request.fields.received_on));
    let asked = [&request.fields.doc_reference, &request.fields.description];
    let asked: Vec<&str> = asked
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    set(Field::Request, asked.join("；"));
    if let Some((on, outcome)) = request.reply {
        set(Field::Replied, date_zh(on));
        set(Field::Decision, decision_zh(outcome).to_string());
        let basis = handling.reply_basis().unwrap_or(outcome.legal_basis_zh());
        set(Field::LegalBasis, basis.to_string());
        if let Some((reason, part)) = request
            .withheld
            .and_then(|r| withheld_part_zh(r).map(|part| (r, part)))
        {
            set(Field::WithheldReason, part.to_string());
            set(Field::WithheldBasis, reason.legal_basis_zh().to_string());
        }
    }
    if let Some(notice) = first(events, EventKind::CorrectionNotice) {
        set(Field::CorrectionItems, notice.note.clone());
        let period = notice
            .until
            .map_or(DEFAULT_CORRECTION_PERIOD.to_string(), |d| {
                format!("{}前", date_zh(d))
            });
        set(Field::CorrectionPeriod, period);
    }
    if let Some(extension) = first(events, EventKind::Extension) {
        let mut input = clock_input(app, request, events);
        input.extension = None;
        let unextended = request_clock::reckon(&input, &app.calendar)?.due;
        set(Field::OriginalDue, date_zh(unextended));
        let workdays = extension
            .workdays
            .map(|n| n.to_string())
            .unwrap_or_default();
        set(Field::ExtensionWorkdays, workdays);
        set(Field::ExtendedDue, date_zh(handling.reckoning.due));
    }
    if let Some(notice) = first(events, EventKind::FeeNotice) {
        set(Field::FeeMethod, notice.note.clone());
        if let Some(amount) = notice.amount {
            set(Field::FeeAmount, amount.to_string());
        }
        if let Some(due) = notice.until {
            set(Field::PaymentDue, date_zh(due));
        }
    }
    let stop = which.nth.and_then(|n| stops(events).nth(n - 1));
    if let Some(stop) = stop {
        set(Field::ThirdParty, stop.note.clone());
        if let Some(until) = stop.until {
            set(Field::ConsultationDeadline, date_zh(until));
        }
    }
    let dated = match which.kind {
        LetterKind::CorrectionNotice => first(events, EventKind::CorrectionNotice).map(|e| e.on),
        LetterKind::ExtensionNotice => first(events, EventKind::Extension).map(|e| e.on),
        LetterKind::ThirdPartyConsultation => stop.map(|e| e.on),
        LetterKind::FeeNotice => first(events, EventKind::FeeNotice).map(|e| e.on),
        LetterKind::Reply(_) => request.reply.map(|(on, _)| on),
    };
    if let Some(on) = dated {
        set(Field::LetterDate, date_zh(on));
    }
    Ok(fields)
}

/// The letter `code` of request `id`, for those who handle it; a letter the record
/// does not allow is not found.
pub async fn letter(app: &App, user: &CurrentUser, id: RequestId, code: &str) -> Result<Letter> {
    let handling = detail(app, user, id).await?;
    let not_found = || Error::NotFound("该申请的办理记录中没有这份文书".to_string());
    let which = LetterRef::parse(code).ok_or_else(not_found)?;
    if !available(&handling).contains(&which) {
        return Err(not_found());
    }
    let org = handling.request.fields.org_id;
    let agency = orgs::get(&app.store, org).await?.name;
    let fields = fields(app, &agency, &handling, which)?;
    let template = templates::body_of(app, org, which.kind).await?;
    let paragraphs = letter::render(&template, &fields)?;
    let date = fields.get(&Field::LetterDate).cloned().unwrap_or_default();
    Ok(Letter {
        title: which.kind.title_zh().to_string(),
        paragraphs,
        signature: vec![agency, date],
        serial: handling.request.serial,
    })
}

/// A letter as a Word document, with the file name to offer (title and serial).
pub async fn letter_docx(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    code: &str,
) -> Result<(String, Vec<u8>)> {
    let letter = letter(app, user, id, code).await?;
    let mut blocks = vec![Block::Title(letter.title.clone())];
    blocks.extend(letter.paragraphs.iter().cloned().map(Block::Paragraph));
    blocks.extend(letter.signature.iter().cloned().map(Block::Right));
    let bytes = docx::render(&blocks)?;
    Ok((format!("{}（{}）.docx", letter.title, letter.serial), bytes))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use gongkai_domain::annual_report::Outcome;

    #[test]
    fn letter_references_parse_back_from_their_codes() {
        let cases = [
            ("correction_notice", LetterKind::CorrectionNotice, None),
            ("extension_notice", LetterKind::ExtensionNotice, None),
            ("third_party.2", LetterKind::ThirdPartyConsultation, Some(2)),
            (
                "reply.disclosed",
                LetterKind::Reply(Outcome::Disclosed),
                None,
            ),
        ];
        for (code, kind, nth) in cases {
            let parsed = LetterRef::parse(code).unwrap();
            assert_eq!(parsed, LetterRef { kind, nth }, "{code}");
            assert_eq!(parsed.code(), code);
        }
        let withheld = LetterRef::parse("reply.withheld_state_secret").unwrap();
        assert_eq!(withheld.label_zh(), "政府信息公开申请答复书（不予公开）");
        for code in [
            "third_party",
            "third_party.0",
            "third_party.x",
            "reply.x",
            "",
        ] {
            assert_eq!(LetterRef::parse(code), None, "{code}");
        }
    }
}
