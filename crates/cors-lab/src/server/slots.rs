//! Connection slots: at most `max_connections` connections at once, and who gives way when the lab is full.
//!
//! A connection that waits for its client (an idle keep-alive connection, a request head or body still
//! arriving, a `timeout` answer holding the line) costs a slot but does no work. Such connections register
//! while they wait; when a new connection finds every slot taken, the one that has waited longest is closed
//! to make room, never one that began waiting after the new connection arrived. Idle or slow clients (a
//! slowloris) therefore cannot keep the API from answering: a new request always gets a slot within
//! moments, whatever number of connections sit idle, and once it has its slot, connections that arrived
//! before it cannot close it.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};

/// How long a new connection waits for the slot of a closed idle one before closing more.
const MAKE_ROOM_WAIT: Duration = Duration::from_millis(20);

/// The lab's connection slots.
pub(crate) struct Slots {
    free: Arc<Semaphore>,
    waiting: Mutex<Waiting>,
}

/// The connections waiting for their clients, oldest first.
#[derive(Default)]
struct Waiting {
    next: u64,
    by_age: BTreeMap<u64, oneshot::Sender<()>>,
}

/// A connection's slot; dropping it frees the slot.
pub(crate) struct Slot {
    _permit: OwnedSemaphorePermit,
}

/// Removes a connection from the waiting list when its wait ends, however it ends.
struct WaitGuard<'a> {
    slots: &'a Slots,
    key: u64,
}

impl Drop for WaitGuard<'_> {
    fn drop(&mut self) {
        self.slots.lock().by_age.remove(&self.key);
    }
}

impl Slots {
    /// `max` slots (at least one).
    pub(crate) fn new(max: usize) -> Slots {
        Slots {
            free: Arc::new(Semaphore::new(max.max(1))),
            waiting: Mutex::new(Waiting::default()),
        }
    }

    /// A slot for a new connection. When none is free, closes the connection that has waited longest for its
    /// client (one per new connection, so a fresh one is closed only after every older one); when every
    /// connection is busy answering, waits for one to finish.
    pub(crate) async fn acquire(&self) -> Option<Slot> {
        // A connection makes room only by closing one that began waiting before it arrived: a request that
        // got its slot and is still reading its head is never closed for a connection older than it.
        let arrived = {
            let mut waiting = self.lock();
            waiting.next += 1;
            waiting.next
        };
        loop {
            match self.free.clone().try_acquire_owned() {
                Ok(permit) => return Some(Slot { _permit: permit }),
                Err(tokio::sync::TryAcquireError::Closed) => return None,
                Err(tokio::sync::TryAcquireError::NoPermits) => {}
            }
            self.close_longest_waiting_before(arrived);
            if let Ok(permit) =
                tokio::time::timeout(MAKE_ROOM_WAIT, self.free.clone().acquire_owned()).await
            {
                return permit.ok().map(|permit| Slot { _permit: permit });
            }
        }
    }

    /// Runs `wait` (reading from the client, or holding the line), unless the lab needs the slot first:
    /// `None` when the connection was chosen to make room and must close.
    pub(crate) async fn waiting_for_client<F: Future>(&self, wait: F) -> Option<F::Output> {
        let (close, closed) = oneshot::channel();
        let key = {
            let mut waiting = self.lock();
            let key = waiting.next;
            waiting.next += 1;
            waiting.by_age.insert(key, close);
            key
        };
        let _guard = WaitGuard { slots: self, key };
        tokio::select! {
            out = wait => Some(out),
            _ = closed => None,
        }
    }

    /// How many connections are waiting for their clients.
    #[cfg(test)]
    pub(crate) fn waiting(&self) -> usize {
        self.lock().by_age.len()
    }

    fn close_longest_waiting_before(&self, arrived: u64) {
        let oldest = {
            let mut waiting = self.lock();
            match waiting.by_age.first_key_value() {
                Some((key, _)) if *key < arrived => waiting.by_age.pop_first(),
                _ => None,
            }
        };
        if let Some((_, close)) = oldest {
            let _ = close.send(());
        }
    }

    fn lock(&self) -> MutexGuard<'_, Waiting> {
        // The list stays consistent even if a holder panicked: every change is one map operation.
        self.waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_lab_closes_the_connection_waiting_longest() {
        let slots = Arc::new(Slots::new(2));
        let first = slots.acquire().await.expect("a free slot");
        let second = slots.acquire().await.expect("a free slot");
        let mut waits = Vec::new();
        for (n, slot) in [first, second].into_iter().enumerate() {
            let waiting = slots.clone();
            waits.push(tokio::spawn(async move {
                let ended = waiting
                    .waiting_for_client(std::future::pending::<()>())
                    .await;
                drop(slot);
                ended
            }));
            while slots.waiting() <= n {
                tokio::task::yield_now().await;
            }
        }
        let third = slots.acquire().await;
        assert!(third.is_some());
        assert_eq!(slots.waiting(), 1);
        let first_ended = waits.into_iter().next().expect("first wait");
        assert_eq!(first_ended.await.expect("joins"), None);
    }

    #[tokio::test]
    async fn a_connection_never_closes_one_that_began_waiting_after_it_arrived() {
        let slots = Arc::new(Slots::new(1));
        let held = slots.acquire().await.expect("a free slot");
        // Arrives while the only slot is taken, and keeps trying.
        let pending = {
            let slots = slots.clone();
            tokio::spawn(async move { slots.acquire().await.map(drop) })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        // The slot's connection begins waiting for its client only now.
        let waiting = {
            let slots = slots.clone();
            tokio::spawn(async move {
                let ended = slots.waiting_for_client(std::future::pending::<()>()).await;
                drop(held);
                ended
            })
        };
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(slots.waiting(), 1, "the newer wait was closed");
        assert!(!pending.is_finished());
        waiting.abort();
        assert!(pending.await.expect("joins").is_some());
    }

    #[tokio::test]
    async fn a_wait_that_ends_leaves_the_list() {
        let slots = Slots::new(1);
        assert_eq!(slots.waiting_for_client(async { 7 }).await, Some(7));
        assert_eq!(slots.waiting(), 0);
    }
}
