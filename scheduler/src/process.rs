//! A process as the runtime sees it: its PID, its mailbox of signals
//! (messages, exit signals, cancels, timer firings), its links and
//! monitors, and its VM while it is not running. The run state machine
//! (`Idle`/`Scheduled`/`Running`/`Notified`/`Dead`) makes sure a signal sent
//! while the process is running or going idle is never missed.

use crate::message::Message;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use wlua_vm::Vm;

/// A message topic: short topics (nearly all) live inline.
pub type Topic = smallvec::SmallVec<[u8; 24]>;

/// A message in flight: boxed inside [`Signal`], so the mailbox's slots
/// stay small (an idle process's mailbox costs little) and a message moves
/// by one pointer.
pub struct Envelope {
    pub from: Option<u64>,
    pub topic: Topic,
    pub payload: Message,
}

/// Something delivered to a process.
pub enum Signal {
    Message(Box<Envelope>),
    /// A monitored process ended (an EXIT event).
    Down {
        from: u64,
        result: Arc<ExitResult>,
    },
    /// A linked process ended (LINK_DOWN, or this process fails too).
    LinkDown {
        from: u64,
        result: Arc<ExitResult>,
    },
    Cancel {
        from: u64,
        reason: String,
    },
    /// `process.terminate`: end now.
    Kill {
        reason: String,
    },
    Timer {
        id: u64,
    },
    /// A blocking-pool job finished (blocking.rs).
    IoDone {
        id: u64,
        result: Box<dyn std::any::Any + Send>,
    },
}

/// How a process ended, as monitors and links see it.
pub struct ExitResult {
    pub abnormal: bool,
    /// The first return value (one value).
    pub value: Option<Arc<Message>>,
    /// The error (one error value).
    pub error: Option<Arc<Message>>,
    /// For an uncaught error or a kill: the text lua.c would print and the
    /// traceback (what the main process's failure shows).
    pub report: Option<(String, String)>,
}

impl ExitResult {
    pub fn normal(value: Message) -> ExitResult {
        ExitResult {
            abnormal: false,
            value: Some(Arc::new(value)),
            error: None,
            report: None,
        }
    }

    pub fn failed(error: Message) -> ExitResult {
        ExitResult {
            abnormal: true,
            value: None,
            error: Some(Arc::new(error)),
            report: None,
        }
    }

    /// The error's message text ("" when none).
    pub fn error_text(&self) -> String {
        self.error
            .as_ref()
            .and_then(|m| m.error_data(0).map(|e| e.message.clone()))
            .unwrap_or_default()
    }
}

pub const IDLE: u8 = 0;
pub const SCHEDULED: u8 = 1;
pub const RUNNING: u8 = 2;
/// Running, and a signal arrived meanwhile: run again before idling.
pub const NOTIFIED: u8 = 3;
pub const DEAD: u8 = 4;

/// Links, monitors and names: changed under one lock so that an exit and a
/// concurrent link/monitor never miss each other.
#[derive(Default)]
pub struct Relations {
    pub dead: bool,
    pub links: Vec<u64>,
    /// Processes monitoring this one.
    pub monitors: Vec<u64>,
    pub names: Vec<String>,
}

pub struct ProcessHandle {
    pub id: u64,
    pub state: AtomicU8,
    mailbox: Mutex<VecDeque<Signal>>,
    pub rel: Mutex<Relations>,
    /// The process's VM while it is not running (taken by the worker that
    /// runs it).
    pub body: Mutex<Option<Box<Vm>>>,
    /// What the process waits on (for the deadlock report).
    pub waiting_on: Mutex<&'static str>,
    /// What a process not yet started will run (the runtime's `Init`),
    /// dropped when it boots.
    pub init: Mutex<Option<Box<dyn std::any::Any + Send>>>,
}

impl ProcessHandle {
    pub fn new(id: u64) -> ProcessHandle {
        ProcessHandle {
            id,
            state: AtomicU8::new(SCHEDULED),
            mailbox: Mutex::new(VecDeque::new()),
            rel: Mutex::new(Relations::default()),
            body: Mutex::new(None),
            waiting_on: Mutex::new(""),
            init: Mutex::new(None),
        }
    }

    /// Queues a signal; returns whether the caller must schedule the
    /// process (it was idle).
    pub fn push_signal(&self, s: Signal) -> bool {
        self.mailbox
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(s);
        self.notify()
    }

    /// Marks that there is work; true when the process must be queued.
    pub fn notify(&self) -> bool {
        let mut cur = self.state.load(Ordering::Acquire);
        loop {
            let next = match cur {
                IDLE => SCHEDULED,
                RUNNING => NOTIFIED,
                _ => return false,
            };
            match self
                .state
                .compare_exchange(cur, next, Ordering::AcqRel, Ordering::Acquire)
            {
                Ok(_) => return cur == IDLE,
                Err(actual) => cur = actual,
            }
        }
    }

    pub fn take_signals(&self) -> VecDeque<Signal> {
        std::mem::take(&mut *self.mailbox.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Moves the mailbox's signals into `buf` (which must be empty) by
    /// swapping buffers, so a process that keeps receiving reuses two
    /// allocations instead of growing a fresh queue per batch.
    pub fn take_signals_into(&self, buf: &mut VecDeque<Signal>) {
        debug_assert!(buf.is_empty());
        std::mem::swap(
            &mut *self.mailbox.lock().unwrap_or_else(|e| e.into_inner()),
            buf,
        );
    }

    /// Puts signals back at the head of the mailbox (in order), and makes
    /// sure the running process looks at them again before it idles.
    pub fn requeue_front(&self, mut sigs: VecDeque<Signal>) {
        let mut mb = self.mailbox.lock().unwrap_or_else(|e| e.into_inner());
        sigs.extend(mb.drain(..));
        *mb = sigs;
        drop(mb);
        self.notify();
    }

    /// Drops a link if present (true when it was there).
    pub fn remove_link(&self, other: u64) -> bool {
        let mut r = self.rel.lock().unwrap_or_else(|e| e.into_inner());
        match r.links.iter().position(|&l| l == other) {
            Some(i) => {
                r.links.swap_remove(i);
                true
            }
            None => false,
        }
    }
}

/// The printed form of a PID: `<0.ID.0>`, as Erlang prints local PIDs.
pub fn pid_string(id: u64) -> String {
    format!("<0.{id}.0>")
}

/// The number inside a PID string, if it is one.
pub fn parse_pid(s: &[u8]) -> Option<u64> {
    let inner = s.strip_prefix(b"<0.")?.strip_suffix(b".0>")?;
    if inner.is_empty() {
        return None;
    }
    inner.iter().try_fold(0u64, |n, &b| {
        if !b.is_ascii_digit() {
            return None;
        }
        n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pid_strings_round_trip() {
        assert_eq!(pid_string(42), "<0.42.0>");
        assert_eq!(parse_pid(b"<0.42.0>"), Some(42));
        assert_eq!(parse_pid(b"<0..0>"), None);
        assert_eq!(parse_pid(b"<0.4a.0>"), None);
        assert_eq!(parse_pid(b"<0.+4.0>"), None);
        assert_eq!(parse_pid(b"<0.99999999999999999999.0>"), None);
        assert_eq!(
            parse_pid(&pid_string(u64::MAX).into_bytes()),
            Some(u64::MAX)
        );
        assert_eq!(parse_pid(b"app"), None);
    }

    #[test]
    fn notify_while_running_is_remembered() {
        let p = ProcessHandle::new(1);
        p.state.store(RUNNING, Ordering::SeqCst);
        assert!(!p.notify());
        assert_eq!(p.state.load(Ordering::SeqCst), NOTIFIED);
        p.state.store(IDLE, Ordering::SeqCst);
        assert!(p.notify());
        assert!(!p.notify());
        assert_eq!(p.state.load(Ordering::SeqCst), SCHEDULED);
    }
}
