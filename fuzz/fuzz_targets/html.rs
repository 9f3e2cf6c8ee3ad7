//! Any text as HTML: the text nodes and the attribute values are read without a panic,
//! every attribute value is a valid range of the input, and writing new values back
//! (encoded for their quotes) gives HTML whose attributes read back in the same order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weglakker::formats::html::{attribute_value, attributes, Markup};

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Markup::parse(raw, true);
    let _ = Markup::parse(raw, false);
    let found = attributes(raw);
    let mut out = String::new();
    let mut last = 0;
    for a in &found {
        assert!(a.value.start >= last && raw.get(a.value.clone()).is_some());
        out.push_str(&raw[last..a.value.start]);
        out.push_str(&attribute_value("[URL-1] \"'<&>", a.quote));
        last = a.value.end;
    }
    out.push_str(&raw[last..]);
    let names = |list: &[weglakker::formats::html::Attribute]| {
        list.iter().map(|a| a.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&attributes(&out)), names(&found), "{raw:?} -> {out:?}");
});
