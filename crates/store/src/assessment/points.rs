//! Points as stored: whole hundredths, exact on every backend.

/// Hundredths of a point, as stored.
pub(super) fn to_x100(points: f64) -> i64 {
    (points * 100.0).round() as i64
}

pub(super) fn from_x100(x: i64) -> f64 {
    x as f64 / 100.0
}
