//! The lab's limits: every stored thing is bounded, so memory is bounded whatever clients send, and so is
//! the time a client may take to send a request head.

use std::time::Duration;

use cors_rules::scenario::Answer;
use cors_rules::Scenario;

use crate::error::LabError;

/// Every bound the lab enforces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest registration body, in bytes.
    pub max_registration_bytes: usize,
    /// Most server entries in one scenario.
    pub max_server_entries: usize,
    /// Most header lines in one answer.
    pub max_headers_per_answer: usize,
    /// Most scenarios kept; registering one more evicts the oldest.
    pub max_scenarios: usize,
    /// Most bytes of stored scenarios (translated scenario and rendered answers); beyond it the oldest are evicted.
    pub max_stored_bytes: usize,
    /// Most log entries kept per scenario; older ones are dropped.
    pub max_log_per_scenario: usize,
    /// Most log entries kept over all scenarios; beyond it the oldest scenarios are evicted.
    pub max_log_total: usize,
    /// Largest request head (request line and headers), in bytes.
    pub max_request_head: usize,
    /// Most connections served at once. When all are taken, the connection that has waited longest for
    /// its client (idle, or still sending) is closed to make room for a new one.
    pub max_connections: usize,
    /// How long a client may take to send a request head, from its first byte (from the connection's
    /// start for its first request); a slower one is disconnected.
    pub request_head_deadline: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_registration_bytes: 64 * 1024,
            max_server_entries: 32,
            max_headers_per_answer: 64,
            max_scenarios: 1_000,
            max_stored_bytes: 32 * 1024 * 1024,
            max_log_per_scenario: 100,
            max_log_total: 10_000,
            max_request_head: 16 * 1024,
            max_connections: 512,
            request_head_deadline: Duration::from_secs(5),
        }
    }
}

impl Limits {
    /// Checks a scenario against the per-scenario limits.
    ///
    /// # Errors
    /// [`LabError::TooLarge`] naming the field that holds too many items.
    pub fn check(&self, scenario: &Scenario) -> Result<(), LabError> {
        if scenario.server.len() > self.max_server_entries {
            return Err(LabError::TooLarge {
                field: "server".to_owned(),
                limit: self.max_server_entries,
            });
        }
        for (index, entry) in scenario.server.iter().enumerate() {
            let answers = [
                ("preflight", entry.preflight.as_ref()),
                ("response", Some(&entry.response)),
            ];
            for (which, answer) in answers {
                if let Some(Answer::Http(http)) = answer {
                    if http.headers.len() > self.max_headers_per_answer {
                        let field = format!("server[{index}].{which}.headers");
                        return Err(LabError::TooLarge {
                            field,
                            limit: self.max_headers_per_answer,
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario_with(entries: usize, headers: usize) -> Scenario {
        let header = r#"["X-A", "1"]"#;
        let headers = vec![header; headers].join(",");
        let entry = format!(
            r#"{{"url": "https://a.test/", "response": {{"status": 200, "headers": [{headers}]}}}}"#
        );
        let server = vec![entry.as_str(); entries].join(",");
        let text = format!(
            r#"{{"page": "https://p.test", "request": {{"url": "https://a.test/"}}, "server": [{server}]}}"#
        );
        Scenario::from_json(&text).expect("test scenario parses")
    }

    #[test]
    fn a_scenario_within_the_limits_passes() {
        assert_eq!(Limits::default().check(&scenario_with(32, 64)), Ok(()));
    }

    #[test]
    fn too_many_server_entries_name_the_server_field() {
        let err = Limits::default().check(&scenario_with(33, 1)).unwrap_err();
        assert_eq!(
            err,
            LabError::TooLarge {
                field: "server".to_owned(),
                limit: 32
            }
        );
    }

    #[test]
    fn too_many_header_lines_name_the_answer() {
        let err = Limits::default().check(&scenario_with(1, 65)).unwrap_err();
        assert_eq!(err.field(), "server[0].response.headers");
    }
}
