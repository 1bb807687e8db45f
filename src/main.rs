use clap::Parser as _;

/// mimalloc rather than the system allocator: a 3 MB briefing is hundreds of thousands
/// of small strings, parsed on two threads and freed on another, and glibc's arenas
/// fragment under that (reloads grew slower and larger with every save). Its version 2:
/// version 3 sets up bitmaps for a 1 GiB arena at start-up, which costs about 20 page
/// faults more before the first frame, net (see docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = match brief::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => std::process::exit(brief::cli::output::parse_error(&error)),
    };
    // The dashboard's terminal is the runtime's to restore, and may be gone (hung up)
    // with the runtime's last writes still buffered: only a command's output is checked.
    let command = cli.command.is_some();
    let status = brief::cli::main(cli);
    std::process::exit(if command {
        brief::cli::output::finish(status)
    } else {
        status
    });
}
