//! How far an input may expand while it is read: the guard against decompression bombs.

/// The largest size, in bytes, that one compressed part of an input (the XML of a .docx,
/// a stream of a .pdf) may expand to. Guards against decompression bombs.
pub const MAX_DECOMPRESSED_SIZE: usize = 64 * 1024 * 1024;
