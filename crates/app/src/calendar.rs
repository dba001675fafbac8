//! The working-day calendar of an installation: the official notices compiled into
//! the binary, plus further years from `holidays.json` in the data directory.

use crate::{Error, Result};
use gongkai_domain::calendar::Calendar;
use std::path::Path;

/// The file, inside the data directory, with further years' notices (same format as
/// the built-in `holidays-cn.json`).
pub const EXTRA_YEARS_FILE: &str = "holidays.json";

/// The built-in calendar extended by the data directory's file, if there is one.
pub fn load(data_dir: &Path) -> Result<Calendar> {
    let path = data_dir.join(EXTRA_YEARS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(json) => Calendar::builtin()
            .with_extra_years(&json)
            .map_err(|e| Error::Config {
                key: path.display().to_string(),
                reason: e.to_string(),
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Calendar::builtin()),
        Err(e) => Err(Error::Io {
            path: path.display().to_string(),
            source: e,
        }),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use gongkai_domain::calendar::parse_date;

    #[test]
    fn a_year_from_the_data_directory_is_no_longer_provisional() {
        let dir = tempfile::tempdir().unwrap();
        let day = parse_date("2027-01-01").unwrap();
        assert!(load(dir.path()).unwrap().is_workday(day).is_provisional());
        std::fs::write(
            dir.path().join(EXTRA_YEARS_FILE),
            r#"{"2027": {"holidays": [["2027-01-01", "2027-01-01"]], "workdays": []}}"#,
        )
        .unwrap();
        let calendar = load(dir.path()).unwrap();
        let answer = calendar.is_workday(day);
        assert!(!answer.is_provisional());
        assert!(!answer.value);
    }

    #[test]
    fn a_bad_file_is_a_config_error_naming_the_date() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(EXTRA_YEARS_FILE),
            r#"{"2027": {"holidays": [["2027-02-30", "2027-03-01"]], "workdays": []}}"#,
        )
        .unwrap();
        let err = load(dir.path()).unwrap_err();
        assert!(matches!(&err, Error::Config { .. }), "{err:?}");
        assert!(err.to_string().contains("2027-02-30"), "{err}");
    }
}
