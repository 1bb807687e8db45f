//! Writes a large valid briefing to standard output, for benchmarks and scale checks:
//!
//! ```text
//! cargo run --release --example gen -- --actors 400 --quotes 10000 --risks 1000 --questions 500 > big.yaml
//! cargo run --release --example gen -- --scale 100 > scale100.yaml
//! ```
//!
//! The generator itself lives in `benches/support/generate.rs`, shared with the
//! benchmarks and `tests/scale.rs`.

#[path = "../benches/support/generate.rs"]
mod generate;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let spec = match generate::parse_args(&args) {
        Ok(spec) => spec,
        Err(message) => {
            let help = args.iter().any(|a| a == "-h" || a == "--help");
            if help {
                println!("{message}");
                return;
            }
            eprintln!("gen: {message}");
            std::process::exit(2);
        }
    };
    let text = generate::generate(&spec);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("gen: {e}");
        std::process::exit(1);
    }
}
