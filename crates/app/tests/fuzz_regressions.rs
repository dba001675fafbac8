//! The files kept in `fuzz/regressions/ledger_sheet/`, read as the fuzz target reads
//! them (as every kind of sheet a ledger or unit import accepts): rows or an error,
//! never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

#[test]
fn ledger_sheets_are_read_or_refused() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/ledger_sheet");
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for name in ["台账.xlsx", "台账.xls", "台账.ods", "台账.csv"] {
            let _ = gongkai_app::table::read_upload(name, &bytes);
        }
        read += 1;
    }
    assert!(read > 0, "no inputs in {}", dir.display());
}
