//! Assessment (考核) as the office runs it: a yearly scheme entered as a form and
//! checked whole ([`scheme`]); each unit's scores from the compliance monitor and the
//! hand scores, with adjustments, a ranking and the deductions behind every score
//! ([`results`]); publishing a result, which freezes the scheme; and the exports, XLSX
//! and a DOCX 通报 ([`export`]).

mod export;
mod results;
mod scheme;

pub use export::{notice_docx, results_xlsx};
pub use results::{
    AdjustmentInput, Results, ScoreInput, UnitResult, add_adjustment, publish, published_count,
    results, set_score,
};
pub use scheme::{LineInput, SchemeInput, save_scheme, schemes};
