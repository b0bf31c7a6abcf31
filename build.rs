//! Rebuilds when message files change: they are compiled into the binary by a macro that
//! cargo cannot see reading them.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
