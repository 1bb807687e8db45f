use brief::harness::Harness;
use std::path::Path;
#[test]
fn scratch() {
    let mut h = Harness::open(Path::new("tests/fixtures/good/arctic-shipping.yaml"), 120, 40);
    for k in ["2", "3", "1"] { h.keys(k); println!("{}", h.screen()); }
    let mut h = Harness::bundled(80, 24);
    for k in ["2", "3", "4"] { h.keys(k); println!("{}", h.screen()); }
}
