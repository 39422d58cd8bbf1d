//! `cors-explain`: the CORS rules engine on the command line.
//!
//! * `eval` reads one scenario (or an array of them) as JSON on standard input and writes the verdict (or an
//!   array of verdicts, in the same order) as JSON on standard output.
//! * `check` asks a real server exactly as a browser would and explains what each browser does with the
//!   answers; `check --config FILE` runs a list of such checks (for CI).
//! * `explain` reads a pasted console message, response headers, `curl -v` output or HAR file and explains it.

#![deny(unsafe_code)]

mod check;
mod checks_file;
mod cli;
mod client;
mod eval;
mod explain;
mod inputs;
mod link;
mod output;
mod probe;
mod report;
mod style;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Eval => eval::run(),
        Command::Check(args) => match &args.config {
            Some(path) => checks_file::run(path, &args),
            None => check::run(&args),
        },
        Command::Explain(args) => explain::run(&args),
    }
}
