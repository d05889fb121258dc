//! wlua-sched: the process runtime: work-stealing workers, mailboxes,
//! message copying between heaps, timers, links and monitors.
pub mod error_value;
pub mod message;
