//! Temporary stdout path for `print` until the io library's shared buffer
//! lands (print and io.write must share one buffer).
use std::io::Write;

pub fn stdout_write(b: &[u8]) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(b);
}

pub fn flush() {
    let _ = std::io::stdout().lock().flush();
}
