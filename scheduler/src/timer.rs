//! Timers: one thread keeps a heap of deadlines and, when one passes,
//! posts a `Signal::Timer` to the process that asked. Tickers re-arm
//! themselves; stopped timers are skipped when they come due.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// Nanoseconds since the Unix epoch (the value timer channels deliver).
pub fn unix_nanos() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos().min(i64::MAX as u128) as i64,
        Err(_) => 0,
    }
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub due: Instant,
    pub id: u64,
    pub pid: u64,
    /// Re-arm after firing (tickers).
    pub period: Option<Duration>,
}

#[derive(Default)]
pub struct TimerState {
    pub heap: BinaryHeap<Reverse<Entry>>,
    pub cancelled: hashbrown::HashSet<u64>,
    pub shutdown: bool,
}

#[derive(Default)]
pub struct Timers {
    pub state: Mutex<TimerState>,
    pub cv: Condvar,
    /// Timers taken off the heap whose signal is not posted yet.
    firing: std::sync::atomic::AtomicUsize,
}

impl Timers {
    pub fn add(&self, e: Entry) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.heap.push(Reverse(e));
        self.cv.notify_one();
    }

    pub fn cancel(&self, id: u64) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if s.heap.iter().any(|Reverse(e)| e.id == id) {
            s.cancelled.insert(id);
        }
    }

    /// Timers that may still fire (the deadlock check needs none).
    pub fn pending(&self) -> usize {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.heap.len().saturating_sub(s.cancelled.len())
            + self.firing.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// The signal of a timer `next_due` returned has been posted.
    pub fn fired(&self) {
        self.firing
            .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }

    /// Waits for the next due timer; `None` at shutdown.
    pub fn next_due(&self) -> Option<(u64, u64)> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if s.shutdown {
                return None;
            }
            let now = Instant::now();
            match s.heap.peek() {
                Some(Reverse(e)) if e.due <= now => {
                    let Reverse(e) = s.heap.pop().expect("peeked");
                    if s.cancelled.remove(&e.id) {
                        continue;
                    }
                    if let Some(p) = e.period {
                        let p = p.max(Duration::from_micros(50));
                        s.heap.push(Reverse(Entry {
                            due: e.due.max(now - p) + p,
                            id: e.id,
                            pid: e.pid,
                            period: Some(p),
                        }));
                    }
                    self.firing
                        .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    return Some((e.pid, e.id));
                }
                Some(Reverse(e)) => {
                    let wait = e.due - now;
                    s = self
                        .cv
                        .wait_timeout(s, wait)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
                None => {
                    s = self.cv.wait(s).unwrap_or_else(|e| e.into_inner());
                }
            }
        }
    }

    pub fn shutdown(&self) {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .shutdown = true;
        self.cv.notify_all();
    }
}
