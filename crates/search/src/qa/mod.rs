//! Matching a citizen's question to the entries of the policy Q&A library
//! (政策咨询问答库): the lexicon that brings everyday words to official terms
//! (`lexicon`) and the index the question is matched against, with its scores
//! (`index`).

mod index;
mod lexicon;

pub use index::{MIN_SCORE, QaIndex, QaMatch, QaText};
pub use lexicon::{BUILTIN as BUILTIN_LEXICON, Lexicon};
