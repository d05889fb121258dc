//! The blocking pool: threads, apart from the workers, that run calls
//! which block the OS thread (SQLite queries, HTTP requests, DNS). A native
//! hands a job here with [`block_on_pool`]; the calling coroutine parks
//! (`Ret::Block`), the job runs on a pool thread, and its result comes
//! back to the process as a signal, where `finish` turns it into Lua
//! values in the process's heap and the coroutine resumes with them.
//! Scheduler workers never block, so other processes keep running.
//!
//! Threads are started on demand, up to [`MAX_THREADS`]; idle ones wait on
//! the job queue.

use crate::local::{self, WakeVals};
use crate::process::Signal;
use std::any::Any;
use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex};
use wlua_vm::{LuaError, NResult, Ret, Vm};

/// Most threads the pool runs at once.
pub const MAX_THREADS: usize = 64;

type Job = Box<dyn FnOnce() + Send>;

/// Turns a job's result into the values the blocked call returns (or the
/// message of an error to raise there).
pub type Finish = Box<dyn FnOnce(&mut Vm, Box<dyn Any + Send>) -> Result<WakeVals, String> + Send>;

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    threads: usize,
    idle: usize,
}

#[derive(Default)]
pub struct Pool {
    q: Mutex<Queue>,
    cv: Condvar,
}

impl Pool {
    fn submit(self: &Arc<Self>, job: Job) {
        let mut q = self.q.lock().unwrap_or_else(|e| e.into_inner());
        q.jobs.push_back(job);
        if q.idle == 0 && q.threads < MAX_THREADS {
            q.threads += 1;
            let pool = self.clone();
            let spawned = std::thread::Builder::new()
                .name("wlua-blocking".into())
                .spawn(move || pool.thread_main());
            if spawned.is_err() {
                q.threads -= 1;
            }
        }
        drop(q);
        self.cv.notify_one();
    }

    fn thread_main(self: Arc<Self>) {
        loop {
            let job = {
                let mut q = self.q.lock().unwrap_or_else(|e| e.into_inner());
                loop {
                    if let Some(j) = q.jobs.pop_front() {
                        break j;
                    }
                    q.idle += 1;
                    q = self.cv.wait(q).unwrap_or_else(|e| e.into_inner());
                    q.idle -= 1;
                }
            };
            job();
        }
    }
}

/// Runs `job` on the blocking pool and parks the calling coroutine until
/// it is done; `finish` then builds the call's results in the process's
/// heap. Without a process runtime (a bare VM), the job runs right here.
pub fn block_on_pool<T, J, F>(vm: &mut Vm, what: &'static str, job: J, finish: F) -> NResult
where
    T: Send + 'static,
    J: FnOnce() -> T + Send + 'static,
    F: FnOnce(&mut Vm, T) -> Result<WakeVals, String> + Send + 'static,
{
    let parts = local::local(vm).and_then(|l| {
        let (rt, pid) = match (&l.rt, &l.me) {
            (Some(rt), Some(me)) => (rt.clone(), me.id),
            _ => return None,
        };
        Some((l, rt, pid))
    });
    let can_park = vm.c_depth == 0 && vm.hook_frame.is_none();
    let Some((l, rt, pid)) = parts.filter(|_| can_park) else {
        // No scheduler to park on (or inside a native that re-entered the
        // VM): do it in place.
        let r = job();
        return match finish(vm, r) {
            Ok(v) => Ok(Ret::Vals(v.into_iter().collect())),
            Err(m) => Err(LuaError::msg(m)),
        };
    };
    let id = rt.next_io_id();
    let w = l.current_waiter(None);
    let finish: Finish = Box::new(move |vm, any| match any.downcast::<T>() {
        Ok(t) => finish(vm, *t),
        Err(_) => Err("internal error: blocking job result of the wrong type".into()),
    });
    l.io_waiters.insert(id, (w, finish));
    l.block_current(what);
    rt.io_pending.fetch_add(1, Ordering::SeqCst);
    let rt2 = rt.clone();
    rt.pool.submit(Box::new(move || {
        let result: Box<dyn Any + Send> = Box::new(job());
        rt2.signal(pid, Signal::IoDone { id, result });
        // After the signal is queued: the deadlock check must not see a
        // moment with neither the job nor its wake-up pending.
        rt2.io_pending.fetch_sub(1, Ordering::SeqCst);
    }));
    Ok(Ret::Block)
}
