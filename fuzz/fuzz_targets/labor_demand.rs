#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pathways::fuzzing::labor_demand(data));
