//! Registered scenarios and their logs, bounded: the oldest scenario is evicted when a limit is reached.

use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use url::Url;

use super::prepared::{prepare, Prepared};
use crate::api::{LogEntry, LoggedAnswer, Registered};
use crate::limits::Limits;

/// The two answers of one server entry.
#[derive(Debug)]
pub(crate) struct EntryAnswers {
    pub(crate) preflight: Prepared,
    pub(crate) response: Prepared,
}

/// What the store knows about a scenario URL.
pub(crate) enum Lookup {
    /// No such scenario (never registered, or evicted).
    UnknownScenario,
    /// The scenario has no entry for this URL (logged).
    NoEntry,
    /// The answer to send (logged).
    Answer(Prepared),
}

struct Stored {
    registered: Arc<Registered>,
    answers: HashMap<String, Arc<EntryAnswers>>,
    log: VecDeque<LogEntry>,
    next_seq: u64,
    bytes: usize,
}

#[derive(Default)]
struct Inner {
    scenarios: HashMap<String, Stored>,
    order: VecDeque<String>,
    bytes: usize,
    log_total: usize,
}

/// Every registered scenario.
pub(crate) struct Store {
    inner: Mutex<Inner>,
    limits: Limits,
    counter: AtomicU64,
    ids: RandomState,
}

impl Store {
    pub(crate) fn new(limits: Limits) -> Store {
        Store {
            inner: Mutex::default(),
            limits,
            counter: AtomicU64::new(0),
            ids: RandomState::new(),
        }
    }

    /// A fresh, unguessable-enough id: 12 lower-case hex digits.
    pub(crate) fn new_id(&self) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        format!("{:012x}", self.ids.hash_one(n) & 0xffff_ffff_ffff)
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Stores a translated scenario, evicting the oldest ones beyond the limits.
    pub(crate) fn register(&self, registered: Registered) -> Arc<Registered> {
        let answers = answers_of(&registered);
        let bytes = serde_json::to_vec(&registered).map_or(0, |json| json.len())
            + answers.values().map(|a| answer_bytes(a)).sum::<usize>();
        let registered = Arc::new(registered);
        let id = registered.id.clone();
        let stored = Stored {
            registered: registered.clone(),
            answers,
            log: VecDeque::new(),
            next_seq: 1,
            bytes,
        };
        let mut inner = self.lock();
        while inner.scenarios.len() >= self.limits.max_scenarios.max(1)
            || (inner.bytes + bytes > self.limits.max_stored_bytes && !inner.order.is_empty())
        {
            evict_oldest(&mut inner);
        }
        inner.bytes += bytes;
        inner.order.push_back(id.clone());
        inner.scenarios.insert(id, stored);
        registered
    }

    pub(crate) fn get(&self, id: &str) -> Option<Arc<Registered>> {
        self.lock().scenarios.get(id).map(|s| s.registered.clone())
    }

    pub(crate) fn log(&self, id: &str) -> Option<Vec<LogEntry>> {
        self.lock()
            .scenarios
            .get(id)
            .map(|s| s.log.iter().cloned().collect())
    }

    pub(crate) fn remove(&self, id: &str) -> bool {
        let mut inner = self.lock();
        let Some(stored) = inner.scenarios.remove(id) else {
            return false;
        };
        inner.order.retain(|known| known != id);
        inner.bytes -= stored.bytes;
        inner.log_total -= stored.log.len();
        true
    }

    /// Finds the answer for `url` (a lab URL without fragment) in scenario `id`, and logs the request.
    pub(crate) fn answer(&self, id: &str, url: &str, mut entry: LogEntry) -> Lookup {
        let mut inner = self.lock();
        let Some(stored) = inner.scenarios.get_mut(id) else {
            return Lookup::UnknownScenario;
        };
        let found = stored.answers.get(url).cloned();
        let prepared = found.map(|a| {
            if entry.preflight {
                a.preflight.clone()
            } else {
                a.response.clone()
            }
        });
        entry.answer = match (&prepared, entry.preflight) {
            (None, _) => LoggedAnswer::NoEntry,
            (Some(Prepared::Reset), _) => LoggedAnswer::ConnectionReset,
            (Some(Prepared::Hold), _) => LoggedAnswer::Timeout,
            (Some(Prepared::Http(_)), true) => LoggedAnswer::Preflight,
            (Some(Prepared::Http(_)), false) => LoggedAnswer::Response,
        };
        entry.seq = stored.next_seq;
        stored.next_seq += 1;
        stored.log.push_back(entry);
        let mut added = 1;
        if stored.log.len() > self.limits.max_log_per_scenario {
            stored.log.pop_front();
            added = 0;
        }
        inner.log_total += added;
        while inner.log_total > self.limits.max_log_total
            && inner.order.front().is_some_and(|oldest| oldest != id)
        {
            evict_oldest(&mut inner);
        }
        prepared.map_or(Lookup::NoEntry, Lookup::Answer)
    }
}

fn evict_oldest(inner: &mut Inner) {
    let Some(id) = inner.order.pop_front() else {
        return;
    };
    if let Some(stored) = inner.scenarios.remove(&id) {
        inner.bytes -= stored.bytes;
        inner.log_total -= stored.log.len();
    }
}

/// The lookup key of a lab URL: parsed, without fragment.
pub(crate) fn url_key(url: &str) -> Option<String> {
    let mut url = Url::parse(url).ok()?;
    url.set_fragment(None);
    Some(url.into())
}

fn answers_of(registered: &Registered) -> HashMap<String, Arc<EntryAnswers>> {
    let mut answers = HashMap::new();
    for (index, entry) in registered.scenario.server.iter().enumerate() {
        let Some(key) = url_key(&entry.url) else {
            continue;
        };
        let body = |which: &str| format!("cors-lab {which} {} {index}\n", registered.id);
        let response = prepare(&entry.response, &body("response"));
        let preflight = entry
            .preflight
            .as_ref()
            .map_or_else(|| response.clone(), |p| prepare(p, &body("preflight")));
        answers.entry(key).or_insert_with(|| {
            Arc::new(EntryAnswers {
                preflight,
                response,
            })
        });
    }
    answers
}

fn answer_bytes(answers: &EntryAnswers) -> usize {
    let size = |p: &Prepared| match p {
        Prepared::Http(rendered) => rendered.bytes.len(),
        Prepared::Reset | Prepared::Hold => 0,
    };
    size(&answers.preflight) + size(&answers.response)
}

#[cfg(test)]
mod tests;
