//! Any text as a 发文字号: parsed or refused, never a panic; what parses is shown
//! in its canonical form, which parses again to itself.
#![no_main]

use gongkai_domain::doc_number::DocNumber;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(number) = DocNumber::parse(text) {
        let shown = number.to_string();
        let again = DocNumber::parse(&shown).expect("the canonical form parses");
        assert_eq!(again.to_string(), shown);
    }
});
