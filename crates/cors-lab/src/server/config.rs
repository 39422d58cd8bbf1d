//! The lab's settings: command-line flags, and the origins they give.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use url::Url;

use crate::api::LabOrigins;
use crate::limits::Limits;

/// How to run the lab. `Config::parse()` reads the command line; `Config::default()` is the same defaults.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "cors-lab",
    version,
    about = "The CORS Explainer live-fetch lab: serves the app and answers scenarios exactly as their servers would.",
    after_help = "Scenario origins: every scenario port is reachable as http://127.0.0.1:PORT and http://localhost:PORT, \
                  two distinct origins each. See crates/cors-lab/README.md."
)]
pub struct Config {
    /// Address to listen on. Keep it loopback: the lab answers whatever scenario it is given.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub host: IpAddr,
    /// Port of the app origin (the built app, the API, scenario URLs same-origin with the app). 0 picks one.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Ports of the scenario origins, comma-separated. 0 picks one.
    #[arg(long, value_delimiter = ',', default_value = "8081,8082")]
    pub scenario_ports: Vec<u16>,
    /// Directory of the built app (e.g. `dist`) to serve on the app origin; unknown paths get its index.html.
    #[arg(long)]
    pub dist: Option<PathBuf>,
    /// How long a `timeout` answer holds the connection before dropping it, in seconds.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_seconds)]
    pub timeout_hold: Duration,
    /// Size limits (not flags).
    #[arg(skip)]
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Self {
        Config::parse_from(["cors-lab"])
    }
}

fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| "a number of seconds, such as 10 or 0.5".to_owned())?;
    if !(0.0..=3600.0).contains(&seconds) {
        return Err("between 0 and 3600 seconds".to_owned());
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// The host names a browser uses for the bound address: loopback is both its IP literal and `localhost`.
pub(crate) fn public_hosts(host: IpAddr) -> Vec<String> {
    match host {
        IpAddr::V4(ip) if ip.is_loopback() || ip.is_unspecified() => {
            vec!["127.0.0.1".into(), "localhost".into()]
        }
        IpAddr::V6(ip) if ip.is_loopback() || ip.is_unspecified() => {
            vec!["[::1]".into(), "localhost".into()]
        }
        IpAddr::V4(ip) => vec![ip.to_string()],
        IpAddr::V6(ip) => vec![format!("[{ip}]")],
    }
}

/// The lab's origins once its ports are bound.
pub(crate) fn origins_for(host: IpAddr, app_port: u16, scenario_ports: &[u16]) -> LabOrigins {
    let hosts = public_hosts(host);
    let app = hosts.iter().map(|h| origin(h, app_port)).collect();
    let scenario = hosts
        .iter()
        .flat_map(|h| scenario_ports.iter().map(move |port| origin(h, *port)))
        .collect();
    LabOrigins { app, scenario }
}

/// `http://host:port` as an ASCII-serialised origin (`http://127.0.0.1` for port 80).
fn origin(host: &str, port: u16) -> String {
    let text = format!("http://{host}:{port}");
    Url::parse(&text).map_or(text, |url| url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_ports_give_two_app_origins_and_four_scenario_origins() {
        let config = Config::default();
        let origins = origins_for(config.host, config.port, &config.scenario_ports);
        assert_eq!(
            origins.app,
            ["http://127.0.0.1:8080", "http://localhost:8080"]
        );
        assert_eq!(
            origins.scenario,
            [
                "http://127.0.0.1:8081",
                "http://127.0.0.1:8082",
                "http://localhost:8081",
                "http://localhost:8082"
            ]
        );
    }

    #[test]
    fn flags_set_ports_dist_and_hold() {
        let config = Config::parse_from([
            "cors-lab",
            "--port",
            "9000",
            "--scenario-ports",
            "9001,9002,9003",
            "--dist",
            "dist",
        ]);
        assert_eq!((config.port, config.scenario_ports.len()), (9000, 3));
        assert_eq!(config.dist, Some(PathBuf::from("dist")));
        assert_eq!(config.timeout_hold, Duration::from_secs(10));
    }

    #[test]
    fn a_negative_hold_is_refused() {
        assert!(Config::try_parse_from(["cors-lab", "--timeout-hold", "-1"]).is_err());
    }
}
