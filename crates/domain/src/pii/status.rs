//! What became of a finding once staff saw it.

/// The state of a finding on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingStatus {
    /// Still in the document and not yet dealt with: publishing waits.
    Open,
    /// Replaced by its masked form with the mask action.
    Masked,
    /// A reviewer judged it not to be a person's information, or lawful to publish,
    /// and said why.
    Dismissed,
    /// No longer in the document: the text was edited or the attachment replaced.
    Gone,
}

impl FindingStatus {
    /// Every status, open first.
    pub const ALL: [FindingStatus; 4] = [
        FindingStatus::Open,
        FindingStatus::Masked,
        FindingStatus::Dismissed,
        FindingStatus::Gone,
    ];

    /// Stable code for storage and the API.
    pub fn code(self) -> &'static str {
        match self {
            FindingStatus::Open => "open",
            FindingStatus::Masked => "masked",
            FindingStatus::Dismissed => "dismissed",
            FindingStatus::Gone => "gone",
        }
    }

    /// The status of a stable code.
    pub fn from_code(code: &str) -> Option<FindingStatus> {
        FindingStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Chinese name shown to staff.
    pub fn label_zh(self) -> &'static str {
        match self {
            FindingStatus::Open => "待处理",
            FindingStatus::Masked => "已遮盖",
            FindingStatus::Dismissed => "已排除",
            FindingStatus::Gone => "已删除",
        }
    }

    /// Whether the finding no longer holds up publication.
    pub fn is_resolved(self) -> bool {
        self != FindingStatus::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_only_open_blocks() {
        for status in FindingStatus::ALL {
            assert_eq!(FindingStatus::from_code(status.code()), Some(status));
            assert_eq!(status.is_resolved(), status != FindingStatus::Open);
        }
        assert_eq!(FindingStatus::from_code("closed"), None);
    }
}
