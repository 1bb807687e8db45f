use clap::Parser;

fn main() {
    let cli = brief::cli::Cli::parse();
    std::process::exit(brief::cli::main(cli));
}
