//! Matching a question to the entries that may be shown: the matching index of the
//! current entries (kept in the `cache` between questions), and the matches with what
//! a page or a script shows of them.

use super::cache::{Built, CachedEntry};
use super::review::public_entries;
use crate::{App, Error, Result};
use gongkai_search::qa::{Lexicon, QaIndex, QaText};
use gongkai_store::qa;
use std::sync::Arc;

/// The longest question matched, in characters (a longer one is cut).
const MAX_QUESTION_CHARS: usize = 1000;
/// The operator's extra lexicon groups, in the data directory.
const LEXICON_FILE: &str = "qa-synonyms.txt";

/// A matched entry as pages and scripts show it.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchView {
    pub id: i64,
    pub code: String,
    pub question: String,
    pub answer: String,
    pub topic: String,
    pub score: f32,
}

/// The built-in lexicon with the operator's groups (`DATA/qa-synonyms.txt`), if any.
fn lexicon(app: &App) -> Result<Lexicon> {
    let path = app.data_dir.join(LEXICON_FILE);
    let extra = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(Error::Io {
                path: path.display().to_string(),
                source,
            });
        }
    };
    Ok(Lexicon::with_extra(&extra)?)
}

/// The index of the current revision, built if the entries or the library changed.
async fn current(app: &App) -> Result<Arc<Built>> {
    let revision = qa::revision(&app.store).await?;
    if let Some(built) = app.qa.get(&revision) {
        return Ok(built);
    }
    let entries: Vec<CachedEntry> = public_entries(app)
        .await?
        .into_iter()
        .map(|v| CachedEntry {
            id: v.entry.id,
            code: v.entry.fields.code,
            question: v.entry.fields.question,
            answer: v.entry.fields.answer,
            topic: v.entry.fields.topic,
        })
        .collect();
    let texts: Vec<QaText> = entries
        .iter()
        .map(|e| QaText {
            code: e.code.clone(),
            question: e.question.clone(),
            answer: e.answer.clone(),
            topic: e.topic.clone(),
        })
        .collect();
    let lexicon = lexicon(app)?;
    let index = tokio::task::spawn_blocking(move || QaIndex::build(&texts, lexicon))
        .await
        .map_err(|e| Error::Internal(format!("问答索引构建失败：{e}")))??;
    let built = Arc::new(Built {
        revision,
        index,
        entries,
    });
    app.qa.keep(built.clone());
    Ok(built)
}

/// The `top` current entries that answer `question` best, best first; empty when
/// none answers it well.
pub async fn match_question(app: &App, question: &str, top: usize) -> Result<Vec<MatchView>> {
    let question: String = question.trim().chars().take(MAX_QUESTION_CHARS).collect();
    if question.is_empty() {
        return Err(Error::invalid("问题", "请输入要咨询的问题"));
    }
    let built = current(app).await?;
    let matches = built.index.matches(&question, top)?;
    Ok(matches
        .into_iter()
        .filter_map(|m| {
            let e = built.entries.iter().find(|e| e.code == m.code)?;
            Some(MatchView {
                id: e.id,
                code: e.code.clone(),
                question: e.question.clone(),
                answer: e.answer.clone(),
                topic: e.topic.clone(),
                score: m.score,
            })
        })
        .collect())
}
