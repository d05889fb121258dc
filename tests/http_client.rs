//! http_client tests: a small HTTP/1.1 server on 127.0.0.1 (in this
//! process, on a free port) and the self-checking scripts under
//! `tests/http/`, each run through the `wlua` binary as
//! `wlua <script> <base URL> <closed port>`. A script passes when it
//! exits 0 with an empty stderr. Nothing here reaches outside the machine.
//!
//! Routes:
//!   /echo[...]        JSON {method, path, query, headers, body} of the request
//!   /status/N         status N, body "status N"
//!   /redirect/N       302 to /redirect/N-1; /redirect/0 answers "landed"
//!   /slow?ms=N        answers "slow" after N ms
//!   /json             a fixed JSON document
//!   /not-json         a body that is not JSON
//!   /headers          repeated headers and two Set-Cookie
//!   /big?n=N          N bytes of 'x'

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let base = format!("http://{}", listener.local_addr().expect("local addr"));
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let _ = serve(conn);
            });
        }
    });
    // A port nothing listens on: bind, note it, close.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("http");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "lua"))
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    let trials = scripts
        .into_iter()
        .map(|s| {
            let name = s
                .file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let base = base.clone();
            Trial::test(name, move || run(&s, &base, closed))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn run(script: &Path, base: &str, closed: u16) -> Result<(), Failed> {
    let src = std::fs::read_to_string(script).map_err(|e| format!("read: {e}"))?;
    let mut extra = Vec::new();
    for line in src.lines() {
        if let Some(a) = line.trim_start().strip_prefix("-- args:") {
            extra.extend(a.split_whitespace().map(str::to_owned));
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_wlua"))
        .args(&extra)
        .arg(script)
        .arg(base)
        .arg(closed.to_string())
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run wlua: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success() && stderr.is_empty() {
        return Ok(());
    }
    Err(format!(
        "exit {}\n--- stdout ---\n{stdout}--- stderr ---\n{stderr}",
        out.status
    )
    .into())
}

struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn read_request(conn: &TcpStream) -> std::io::Result<Request> {
    let mut r = BufReader::new(conn.try_clone()?);
    let mut line = String::new();
    r.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h)? == 0 {
            break;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let len = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body)?;
    Ok(Request {
        method,
        target,
        headers,
        body,
    })
}

fn respond(
    mut conn: TcpStream,
    status: u16,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    conn.write_all(head.as_bytes())?;
    conn.write_all(body)?;
    conn.flush()
}

fn param(query: &str, name: &str) -> Option<u64> {
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
}

fn serve(conn: TcpStream) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let req = read_request(&conn)?;
    let (path, query) = req.target.split_once('?').unwrap_or((&req.target, ""));
    let text = |s: &str| s.as_bytes().to_vec();
    if path.starts_with("/echo") {
        let headers: serde_json::Map<String, serde_json::Value> = req
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        let doc = serde_json::json!({
            "method": req.method,
            "path": path,
            "query": query,
            "headers": headers,
            "body": String::from_utf8_lossy(&req.body),
        });
        let body = doc.to_string().into_bytes();
        return respond(
            conn,
            200,
            &[("Content-Type", "application/json".into())],
            &body,
        );
    }
    if let Some(n) = path.strip_prefix("/status/") {
        let n: u16 = n.parse().unwrap_or(500);
        return respond(conn, n, &[], &text(&format!("status {n}")));
    }
    if let Some(n) = path.strip_prefix("/redirect/") {
        let n: u32 = n.parse().unwrap_or(0);
        if n == 0 {
            return respond(conn, 200, &[], &text("landed"));
        }
        return respond(
            conn,
            302,
            &[("Location", format!("/redirect/{}", n - 1))],
            &text("moved"),
        );
    }
    match path {
        "/slow" => {
            std::thread::sleep(Duration::from_millis(param(query, "ms").unwrap_or(1000)));
            respond(conn, 200, &[], &text("slow"))
        }
        "/json" => respond(
            conn,
            200,
            &[("Content-Type", "application/json".into())],
            &text(r#"{"name":"wlua","list":[1,2,3],"nested":{"ok":true},"nothing":null,"pi":3.5}"#),
        ),
        "/not-json" => respond(conn, 200, &[], &text("this is not json")),
        "/headers" => respond(
            conn,
            200,
            &[
                ("X-Multi", "one".into()),
                ("X-Multi", "two".into()),
                ("Set-Cookie", "a=1; Path=/".into()),
                ("Set-Cookie", "b=2".into()),
            ],
            &text("h"),
        ),
        "/big" => {
            let n = param(query, "n").unwrap_or(1000) as usize;
            respond(conn, 200, &[], &vec![b'x'; n])
        }
        _ => respond(conn, 404, &[], &text("not found")),
    }
}
