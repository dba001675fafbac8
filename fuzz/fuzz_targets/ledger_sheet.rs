//! Any bytes uploaded as a ledger sheet or unit list (.xlsx, .xls, .ods, .csv): read
//! into rows or refused with an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["台账.xlsx", "台账.xls", "台账.ods", "台账.csv"] {
        let _ = gongkai_app::table::read_upload(name, data);
    }
});
