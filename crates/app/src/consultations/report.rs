//! The 意见收集和采纳情况 of a consultation, counted from its comments: how many came,
//! how many of each disposition, and each answer (a disposition with its reason) with
//! the number of comments it answers. Comment texts, names and contacts are not in it.

use gongkai_domain::consultation::Disposition;
use gongkai_store::consultations::Comment;

/// One answer of the report: a disposition, its reason, and how many comments it
/// answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub disposition: Disposition,
    pub reason: String,
    pub comments: usize,
}

/// The 意见收集和采纳情况.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdoptionReport {
    pub received: usize,
    /// Every disposition with its count, in the order of [`Disposition::ALL`].
    pub counts: Vec<(Disposition, usize)>,
    /// The answers, in the order of their first comment.
    pub answers: Vec<Answer>,
    /// Comments not yet disposed of.
    pub pending: usize,
    /// The office's summary.
    pub summary: String,
}

impl AdoptionReport {
    pub fn of(comments: &[Comment], summary: &str) -> AdoptionReport {
        let mut answers: Vec<Answer> = Vec::new();
        for (disposition, reason) in comments.iter().filter_map(|c| c.disposition.as_ref()) {
            match answers
                .iter_mut()
                .find(|a| a.disposition == *disposition && a.reason == *reason)
            {
                Some(answer) => answer.comments += 1,
                None => answers.push(Answer {
                    disposition: *disposition,
                    reason: reason.clone(),
                    comments: 1,
                }),
            }
        }
        let counts = Disposition::ALL
            .into_iter()
            .map(|d| {
                let n = answers
                    .iter()
                    .filter(|a| a.disposition == d)
                    .map(|a| a.comments)
                    .sum();
                (d, n)
            })
            .collect();
        AdoptionReport {
            received: comments.len(),
            counts,
            pending: comments.iter().filter(|c| c.disposition.is_none()).count(),
            answers,
            summary: summary.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_store::{ConsultationId, now};

    fn comment(id: i64, disposition: Option<(Disposition, &str)>) -> Comment {
        Comment {
            id,
            consultation_id: ConsultationId(1),
            name: "张三".to_string(),
            contact: String::new(),
            body: format!("意见{id}"),
            submitted_at: now(),
            disposition: disposition.map(|(d, r)| (d, r.to_string())),
            answer_group: None,
            disposed_by: String::new(),
        }
    }

    #[test]
    fn comments_with_the_same_answer_count_once_per_answer_and_texts_stay_out() {
        let comments = [
            comment(1, Some((Disposition::NotAdopted, "与上位法不符"))),
            comment(2, Some((Disposition::Adopted, ""))),
            comment(3, Some((Disposition::NotAdopted, "与上位法不符"))),
            comment(4, None),
            comment(5, Some((Disposition::NotAdopted, "另行研究"))),
        ];
        let report = AdoptionReport::of(&comments, "感谢社会各界。");
        assert_eq!(report.received, 5);
        assert_eq!(report.pending, 1);
        assert_eq!(
            report.counts,
            [
                (Disposition::Adopted, 1),
                (Disposition::PartlyAdopted, 0),
                (Disposition::NotAdopted, 3),
                (Disposition::OutOfScope, 0),
            ]
        );
        let answers: Vec<(&str, usize)> = report
            .answers
            .iter()
            .map(|a| (a.reason.as_str(), a.comments))
            .collect();
        assert_eq!(answers, [("与上位法不符", 2), ("", 1), ("另行研究", 1)]);
        assert!(!format!("{report:?}").contains("意见1"));
    }
}
