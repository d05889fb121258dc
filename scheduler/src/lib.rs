//! wlua-sched: the process scheduler (work-stealing workers, mailboxes,
//! timers, links). A skeleton until the processes issue.
