//! The time zone in which the platform shows dates and times.

use chrono::FixedOffset;

/// China Standard Time (UTC+8), in which dates and times are shown.
const CHINA_STANDARD_TIME: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+8 is a valid offset"),
};

/// China Standard Time, in which dates and times are shown.
pub fn china_offset() -> FixedOffset {
    CHINA_STANDARD_TIME
}
