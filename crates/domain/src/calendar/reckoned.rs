//! A computed calendar answer together with its provisional status.
//!
//! Owns the rule of deadlines.md: a date in a year with no loaded holiday notice is computed
//! from weekends alone and flagged *provisional* wherever it is shown.

/// A value computed on a [`Calendar`](super::Calendar), with the years it depended on whose
/// notice is not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reckoned<T> {
    /// The answer (from the loaded data, and from weekends alone for missing years).
    pub value: T,
    /// Sorted, deduplicated years touched by the computation whose notice is not loaded.
    pub missing_years: Vec<i32>,
}

impl<T> Reckoned<T> {
    /// True if some year the answer depends on has no loaded notice.
    pub fn is_provisional(&self) -> bool {
        !self.missing_years.is_empty()
    }

    /// A warning in Chinese for a provisional answer, `None` for a final one.
    pub fn warning_zh(&self) -> Option<String> {
        if !self.is_provisional() {
            return None;
        }
        Some(format!(
            "警告：{}，为临时结果。",
            super::statutory::provisional_zh(&self.missing_years)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_answer_has_no_warning() {
        let answer = Reckoned {
            value: true,
            missing_years: vec![],
        };
        assert!(!answer.is_provisional());
        assert_eq!(answer.warning_zh(), None);
    }

    #[test]
    fn warning_names_each_missing_year() {
        let answer = Reckoned {
            value: 1,
            missing_years: vec![2027],
        };
        assert!(answer.is_provisional());
        assert_eq!(
            answer.warning_zh().as_deref(),
            Some(
                "警告：2027年的节假日安排尚未载入，按《全国年节及纪念日放假办法》规定的节日和周末推算（调休安排未知），为临时结果。"
            )
        );
        let answer = Reckoned {
            value: 1,
            missing_years: vec![2027, 2028],
        };
        assert_eq!(
            answer.warning_zh().as_deref(),
            Some(
                "警告：2027年、2028年的节假日安排尚未载入，按《全国年节及纪念日放假办法》规定的节日和周末推算（调休安排未知），为临时结果。"
            )
        );
        let before_the_law = Reckoned {
            value: 1,
            missing_years: vec![2018],
        };
        assert_eq!(
            before_the_law.warning_zh().as_deref(),
            Some("警告：2018年的节假日安排尚未载入，仅按周末推算，为临时结果。")
        );
    }
}
