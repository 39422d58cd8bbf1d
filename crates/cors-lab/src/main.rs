//! `cors-lab`: the live-fetch lab server. `cors-lab --help` lists the flags.

#![deny(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use cors_lab::server::{run, Config};

#[tokio::main]
async fn main() -> ExitCode {
    match run(Config::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("cors-lab: {err}");
            ExitCode::from(2)
        }
    }
}
