//! The publication lifecycle of a document: draft → in review → published (三审:
//! the editor drafts, the reviewer checks, the document is published), with a
//! return from review to draft.

use serde::{Deserialize, Serialize};

/// Where a document stands on its way to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    Draft,
    InReview,
    Published,
}

/// A step of the lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LifecycleStep {
    /// The editor submits a draft for review.
    Submit,
    /// The reviewer sends it back to the editor.
    Return,
    /// The reviewer approves and publishes it.
    Publish,
}

impl LifecycleStep {
    pub const ALL: [LifecycleStep; 3] = [
        LifecycleStep::Submit,
        LifecycleStep::Return,
        LifecycleStep::Publish,
    ];

    /// Stable code for storage, forms and the API.
    pub fn code(self) -> &'static str {
        match self {
            LifecycleStep::Submit => "submit",
            LifecycleStep::Return => "return",
            LifecycleStep::Publish => "publish",
        }
    }

    /// The action's name in the user interface.
    pub fn label_zh(self) -> &'static str {
        match self {
            LifecycleStep::Submit => "提交审核",
            LifecycleStep::Return => "退回修改",
            LifecycleStep::Publish => "审核通过并发布",
        }
    }

    pub fn from_code(code: &str) -> Option<LifecycleStep> {
        LifecycleStep::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl DocumentStatus {
    pub const ALL: [DocumentStatus; 3] = [
        DocumentStatus::Draft,
        DocumentStatus::InReview,
        DocumentStatus::Published,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            DocumentStatus::Draft => "draft",
            DocumentStatus::InReview => "in_review",
            DocumentStatus::Published => "published",
        }
    }

    /// The name shown to people.
    pub fn label_zh(self) -> &'static str {
        match self {
            DocumentStatus::Draft => "草稿",
            DocumentStatus::InReview => "待审核",
            DocumentStatus::Published => "已发布",
        }
    }

    /// The status with this code, if any.
    pub fn from_code(code: &str) -> Option<DocumentStatus> {
        DocumentStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The status after `step`, or `None` when the step is not allowed from here.
    pub fn after(self, step: LifecycleStep) -> Option<DocumentStatus> {
        match (self, step) {
            (DocumentStatus::Draft, LifecycleStep::Submit) => Some(DocumentStatus::InReview),
            (DocumentStatus::InReview, LifecycleStep::Return) => Some(DocumentStatus::Draft),
            (DocumentStatus::InReview, LifecycleStep::Publish) => Some(DocumentStatus::Published),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_goes_through_review_before_publication() {
        use DocumentStatus::*;
        use LifecycleStep::*;
        let cases = [
            (Draft, Submit, Some(InReview)),
            (Draft, Publish, None),
            (Draft, Return, None),
            (InReview, Return, Some(Draft)),
            (InReview, Publish, Some(Published)),
            (InReview, Submit, None),
            (Published, Submit, None),
            (Published, Return, None),
            (Published, Publish, None),
        ];
        for (from, step, expected) in cases {
            assert_eq!(from.after(step), expected, "{from:?} + {step:?}");
        }
    }

    #[test]
    fn every_step_round_trips_through_its_code() {
        for step in LifecycleStep::ALL {
            assert_eq!(LifecycleStep::from_code(step.code()), Some(step));
        }
        assert_eq!(LifecycleStep::from_code("approve"), None);
    }

    #[test]
    fn every_status_round_trips_through_its_code() {
        for status in DocumentStatus::ALL {
            assert_eq!(DocumentStatus::from_code(status.code()), Some(status));
        }
        assert_eq!(DocumentStatus::from_code("archived"), None);
    }
}
