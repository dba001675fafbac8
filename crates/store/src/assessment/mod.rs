//! Assessment (考核) records: schemes with their versions, hand scores, adjustments and
//! published results. A scheme is stored only valid (`gongkai_domain::assessment`
//! checks it); once a result is published under it, it is frozen and a change makes a
//! new version.

mod lines;
mod points;
mod schemes;
mod scores;

pub use schemes::{StoredScheme, create_scheme, get_scheme, list_schemes, revise_scheme};
pub use scores::{
    Published, StoredAdjustment, add_adjustment, adjustments, publish_result, results, scores,
    set_score,
};
