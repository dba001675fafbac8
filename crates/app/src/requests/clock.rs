//! A request's clock and standing computed from its record: what the clock counts
//! from (receipt, correction, stops, extension) and the reckoning on the calendar.

use super::{Handling, handling};
use crate::documents::today;
use crate::{App, Result};
use gongkai_domain::ledger::Timeliness;
use gongkai_domain::request_clock::{self, ClockInput, Stop};
use gongkai_store::requests::{self, Case, Event, EventKind, Request};

/// One request with its record, read from the store.
pub(super) async fn handling(app: &App, request: Request) -> Result<Handling> {
    let events = requests::events(&app.store, request.id).await?;
    let cases = requests::cases_of(&app.store, request.id).await?;
    handling_of(app, request, events, cases)
}

/// The clock of a request just received: nothing recorded on it yet.
pub(super) fn reckoning_of_new(app: &App, request: &Request) -> Result<request_clock::Reckoning> {
    Ok(request_clock::reckon(
        &clock_input(app, request, &[]),
        &app.calendar,
    )?)
}

/// A request's clock and standing from its record.
pub(super) fn handling_of(
    app: &App,
    request: Request,
    events: Vec<Event>,
    cases: Vec<Case>,
) -> Result<Handling> {
    let reckoning = request_clock::reckon(&clock_input(app, &request, &events), &app.calendar)?;
    let replied = request.reply.is_some();
    let timeliness = Timeliness::on(Some(reckoning.due), replied, today(), &app.calendar);
    Ok(Handling {
        request,
        events,
        cases,
        reckoning,
        timeliness,
    })
}

/// What the clock is computed from: the receipt, the last corrected receipt, the stops
/// (consultations, and the payment window where the office's setting stops the clock)
/// and the extension, as recorded.
pub(crate) fn clock_input(app: &App, request: &Request, events: &[Event]) -> ClockInput {
    let fee_stop = handling::fee_stop(app, events, today());
    ClockInput {
        received: Some(request.fields.received_on),
        corrected: events
            .iter()
            .rev()
            .find(|e| e.kind == EventKind::Corrected)
            .map(|e| e.on),
        stops: events
            .iter()
            .filter(|e| e.kind == EventKind::Stop)
            .map(|e| Stop::consultation(e.on, e.until.unwrap_or(e.on)))
            .chain(fee_stop)
            .collect(),
        extension: events
            .iter()
            .find(|e| e.kind == EventKind::Extension)
            .and_then(|e| e.workdays),
    }
}
