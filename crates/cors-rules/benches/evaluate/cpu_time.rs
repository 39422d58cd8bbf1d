//! The benchmark thread's CPU time as a criterion measurement.
//!
//! On a shared machine with more runnable threads than cores, wall time also counts the time the
//! benchmark waited for a core; the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`) counts only the time it
//! ran, which is what one evaluation costs a core.

use std::time::Duration;

use cpu_time::ThreadTime;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// The calling thread's CPU time.
pub struct ThreadCpuTime;

/// Criterion's duration formatting (ns, µs, ms), borrowed from its wall-time measurement.
static DURATIONS: WallTime = WallTime;

fn now() -> Duration {
    ThreadTime::try_now().map_or(Duration::ZERO, |time| time.as_duration())
}

impl Measurement for ThreadCpuTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        now()
    }

    fn end(&self, start: Duration) -> Duration {
        now().saturating_sub(start)
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_secs_f64() * 1e9
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        DURATIONS.formatter()
    }
}
