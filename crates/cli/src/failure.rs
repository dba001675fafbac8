//! A failed command: its message and the exit code it deserves (1: the platform
//! failed, 2: the input was wrong), also for the app layer's errors.

/// A failure and the exit code it deserves.
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad input (exit code 2).
    pub fn input(message: impl ToString) -> Failure {
        Failure {
            code: 2,
            message: message.to_string(),
        }
    }

    /// The platform failed (exit code 1).
    pub fn platform(message: impl ToString) -> Failure {
        Failure {
            code: 1,
            message: message.to_string(),
        }
    }
}

impl From<gongkai_app::Error> for Failure {
    fn from(e: gongkai_app::Error) -> Failure {
        use gongkai_app::Error as E;
        let message = match &e {
            E::Store(gongkai_app::StoreError::Connect { backend, source }) => {
                format!(
                    "无法连接数据库（{backend}）：{}",
                    one_line(&source.to_string())
                )
            }
            other => other.to_string(),
        };
        let input = matches!(
            e,
            E::Config { .. } | E::Invalid { .. } | E::Domain(_) | E::NotFound(_) | E::Import(_)
        ) || matches!(e, E::Store(gongkai_app::StoreError::Duplicate { .. }));
        Failure {
            code: if input { 2 } else { 1 },
            message,
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
