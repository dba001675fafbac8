//! The records the indicators found, each with its indicator and the unit that answers
//! for it.

use crate::OrgId;
use gongkai_domain::compliance::{Indicator, Item};

/// The records found, each with its indicator and the unit that answers for it.
#[derive(Debug, Default)]
pub(super) struct Sourced {
    items: Vec<(Indicator, OrgId, Item)>,
}

impl Sourced {
    pub(super) fn push(&mut self, indicator: Indicator, unit: Option<OrgId>, item: Item) {
        if let Some(unit) = unit {
            self.items.push((indicator, unit, item));
        }
    }
}

impl Sourced {
    /// Everything found.
    pub(super) fn into_items(self) -> Vec<(Indicator, OrgId, Item)> {
        self.items
    }
}
