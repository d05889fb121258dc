//! `require("sql")` (spec/modules.md §11.1): SQL databases. SQLite is
//! embedded (rusqlite with its bundled library; a file or `:memory:`);
//! PostgreSQL is reached through the `postgres` client when the DSN says
//! `postgres://`.
//!
//! wlua is a CLI runtime with no resource registry, so databases come from
//! `sql.open(dsn)`; `sql.get(id)` exists for the spec's shape and finds
//! nothing. A DB object owns one connection behind `Arc<Mutex<..>>`: every
//! query, statement and transaction step runs on the blocking pool
//! (`wlua_sched::blocking::block_on_pool`), so only the calling coroutine
//! waits; the job returns plain Rust data ([`Rows`], [`Done`]) and `finish`
//! builds the Lua tables on the process's own thread.
//!
//! Failures from outside (bad SQL, constraint violations, a closed handle,
//! an unreachable server) come back as `nil, err`; only wrong argument
//! types from the program raise. docs/sql.md has the type mapping.

use crate::args::{self, arg};
use crate::errors::make_error;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use wlua_sched::blocking::block_on_pool;
use wlua_sched::error_value::ErrorData;
use wlua_sched::local::WakeVals;
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::table::Table;
use wlua_vm::value::UserData;
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

/// Registry keys of the DB, Statement and Transaction metatables.
pub const DB_META_KEY: &str = "wlua.sql.db";
pub const STMT_META_KEY: &str = "wlua.sql.stmt";
pub const TX_META_KEY: &str = "wlua.sql.tx";

/// `package.preload.sql`.
pub fn loader(vm: &mut Vm, _args: Vals) -> NResult {
    let m = vm.lib_table(&LIB);
    rets![Value::Table(m)]
}

/// The `sql` module table.
pub static LIB: Template = Template {
    name: "sql",
    entries: &[
        ("open", TValue::Fn(open)),
        ("get", TValue::Fn(get)),
        ("NULL", TValue::Build(null_value_build)),
        ("type", TValue::Lib(&TYPE)),
        ("isolation", TValue::Lib(&ISOLATION)),
        ("as", TValue::Lib(&AS)),
    ],
    init: None,
};

static TYPE: Template = Template {
    name: "sql.type",
    entries: &[
        ("POSTGRES", TValue::Str("postgres")),
        ("MYSQL", TValue::Str("mysql")),
        ("SQLITE", TValue::Str("sqlite")),
        ("UNKNOWN", TValue::Str("unknown")),
    ],
    init: None,
};

static ISOLATION: Template = Template {
    name: "sql.isolation",
    entries: &[
        ("DEFAULT", TValue::Str("default")),
        ("READ_UNCOMMITTED", TValue::Str("read_uncommitted")),
        ("READ_COMMITTED", TValue::Str("read_committed")),
        ("WRITE_COMMITTED", TValue::Str("write_committed")),
        ("REPEATABLE_READ", TValue::Str("repeatable_read")),
        ("SERIALIZABLE", TValue::Str("serializable")),
    ],
    init: None,
};

static AS: Template = Template {
    name: "sql.as",
    entries: &[
        ("int", TValue::Fn(as_int)),
        ("float", TValue::Fn(as_float)),
        ("text", TValue::Fn(as_text)),
        ("binary", TValue::Fn(as_binary)),
        ("null", TValue::Fn(as_null)),
    ],
    init: None,
};

/// DB methods (the metatable is its own `__index`).
pub static DB_META: Template = Template {
    name: "sql db metatable",
    entries: &[
        ("__index", TValue::Build(db_methods)),
        ("__name", TValue::Str("sql.DB")),
        ("type", TValue::Fn(m_type)),
        ("query", TValue::Fn(m_query)),
        ("execute", TValue::Fn(m_execute)),
        ("exec", TValue::Fn(m_execute)),
        ("prepare", TValue::Fn(m_prepare)),
        ("begin", TValue::Fn(m_begin)),
        ("transaction", TValue::Build(transaction_fn)),
        ("stats", TValue::Fn(m_stats)),
        ("release", TValue::Fn(m_close)),
        ("close", TValue::Fn(m_close)),
    ],
    init: None,
};

/// Statement methods.
pub static STMT_META: Template = Template {
    name: "sql statement metatable",
    entries: &[
        ("__index", TValue::Build(stmt_methods)),
        ("__name", TValue::Str("sql.Statement")),
        ("query", TValue::Fn(s_query)),
        ("execute", TValue::Fn(s_execute)),
        ("exec", TValue::Fn(s_execute)),
        ("close", TValue::Fn(s_close)),
    ],
    init: None,
};

/// Transaction methods.
pub static TX_META: Template = Template {
    name: "sql transaction metatable",
    entries: &[
        ("__index", TValue::Build(tx_methods)),
        ("__name", TValue::Str("sql.Tx")),
        ("db_type", TValue::Fn(m_type)),
        ("type", TValue::Fn(m_type)),
        ("query", TValue::Fn(m_query)),
        ("execute", TValue::Fn(m_execute)),
        ("exec", TValue::Fn(m_execute)),
        ("prepare", TValue::Fn(m_prepare)),
        ("commit", TValue::Fn(t_commit)),
        ("rollback", TValue::Fn(t_rollback)),
        ("savepoint", TValue::Fn(t_savepoint)),
        ("rollback_to", TValue::Fn(t_rollback_to)),
        ("release", TValue::Fn(t_release)),
    ],
    init: None,
};

fn db_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&DB_META))
}
fn stmt_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&STMT_META))
}
fn tx_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&TX_META))
}

/// `db:transaction(fn)`: begin, call `fn(tx)`, commit when it returns
/// normally, roll back when it raises (the error is raised again) or
/// returns `nil, err` (returned as is). Written in Lua so `fn` can block
/// in queries like any other code.
const TRANSACTION_LUA: &str = r#"
local db, fn = ...
local tx, err = db:begin()
if not tx then return nil, err end
local ok, a, b = pcall(fn, tx)
if not ok then
  tx:rollback()
  error(a, 0)
end
if a == nil and b ~= nil then
  tx:rollback()
  return nil, b
end
local cok, cerr = tx:commit()
if not cok then return nil, cerr end
if a == nil then return true end
return a
"#;

fn transaction_fn(vm: &mut Vm) -> Value {
    match crate::load::compile(TRANSACTION_LUA.as_bytes(), "=[builtin sql.transaction]") {
        Ok(p) => vm.load_proto(p, None),
        Err(_) => Value::Nil,
    }
}

// ----- values crossing to the pool ------------------------------------

/// A bind parameter.
#[derive(Clone, Debug)]
enum Bind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

/// Bind parameters: positional (`?`, `?NNN`, `$N`) and named (`:name`,
/// `@name`, `$name`; SQLite only).
#[derive(Default)]
struct Params {
    pos: Vec<Bind>,
    named: Vec<(String, Bind)>,
}

impl Params {
    fn is_empty(&self) -> bool {
        self.pos.is_empty() && self.named.is_empty()
    }
}

/// A result cell. Text and blobs both become Lua strings.
enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Bytes(Vec<u8>),
}

struct Rows {
    cols: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

struct Done {
    last_insert_id: Option<i64>,
    rows_affected: i64,
}

/// An error on its way to becoming an error value.
struct DbErr {
    kind: &'static str,
    msg: String,
    retryable: Option<bool>,
}

fn err(kind: &'static str, msg: impl Into<String>) -> DbErr {
    DbErr {
        kind,
        msg: msg.into(),
        retryable: None,
    }
}

// ----- connections ----------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Sqlite,
    Postgres,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Sqlite => "sqlite",
            Kind::Postgres => "postgres",
        }
    }
}

enum Conn {
    Sqlite(rusqlite::Connection),
    Pg(Box<postgres::Client>),
}

/// One connection, shared by a DB object and its statements and
/// transactions. `None` once closed.
struct Shared {
    conn: Mutex<Option<Conn>>,
    kind: Kind,
    /// A transaction is open on the connection (one at a time).
    in_tx: AtomicBool,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Conn>> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }
}

struct TxState {
    active: AtomicBool,
}

struct DbObj {
    shared: Arc<Shared>,
}

struct TxObj {
    shared: Arc<Shared>,
    state: Arc<TxState>,
}

struct StmtObj {
    shared: Arc<Shared>,
    tx: Option<Arc<TxState>>,
    sql: String,
    closed: bool,
}

impl Drop for TxObj {
    /// A transaction dropped while open (its process ended, or it was
    /// collected) is rolled back, unless the connection is busy, in which
    /// case closing the connection will.
    fn drop(&mut self) {
        if self.state.active.swap(false, Ordering::SeqCst) {
            if let Ok(mut g) = self.shared.conn.try_lock() {
                if let Some(c) = g.as_mut() {
                    let _ = run_simple(c, "ROLLBACK");
                }
                self.shared.in_tx.store(false, Ordering::SeqCst);
            }
        }
    }
}

/// Where a query runs: the connection, and the transaction it must still
/// be part of.
#[derive(Clone)]
struct Target {
    shared: Arc<Shared>,
    tx: Option<Arc<TxState>>,
}

impl Target {
    /// Locks the connection for one step, checking it is open and the
    /// transaction (if any) still active.
    fn with<T>(&self, f: impl FnOnce(&mut Conn) -> Result<T, DbErr>) -> Result<T, DbErr> {
        let mut g = self.shared.lock();
        if let Some(tx) = &self.tx {
            if !tx.active.load(Ordering::SeqCst) {
                return Err(err("INVALID", "transaction is not active"));
            }
        }
        match g.as_mut() {
            Some(c) => f(c),
            None => Err(err("INVALID", "database is closed")),
        }
    }
}

// ----- error mapping --------------------------------------------------

fn sqlite_err(e: rusqlite::Error) -> DbErr {
    use rusqlite::ErrorCode as C;
    let msg = e.to_string();
    let (kind, retryable) = match &e {
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            C::ConstraintViolation => {
                // SQLITE_CONSTRAINT_PRIMARYKEY and _UNIQUE
                if f.extended_code == 1555 || f.extended_code == 2067 {
                    ("ALREADY_EXISTS", Some(false))
                } else {
                    ("INVALID", Some(false))
                }
            }
            C::DatabaseBusy | C::DatabaseLocked => ("UNAVAILABLE", Some(true)),
            C::CannotOpen => ("NOT_FOUND", Some(false)),
            C::ReadOnly | C::PermissionDenied | C::AuthorizationForStatementDenied => {
                ("PERMISSION_DENIED", Some(false))
            }
            C::Unknown | C::TypeMismatch | C::ParameterOutOfRange | C::ApiMisuse | C::TooBig => {
                ("INVALID", Some(false))
            }
            _ => ("INTERNAL", None),
        },
        rusqlite::Error::SqlInputError { .. }
        | rusqlite::Error::InvalidParameterCount(..)
        | rusqlite::Error::InvalidParameterName(_)
        | rusqlite::Error::ExecuteReturnedResults
        | rusqlite::Error::MultipleStatement
        | rusqlite::Error::NulError(_)
        | rusqlite::Error::Utf8Error(_)
        | rusqlite::Error::InvalidPath(_) => ("INVALID", Some(false)),
        _ => ("INTERNAL", None),
    };
    DbErr {
        kind,
        msg,
        retryable,
    }
}

fn pg_err(e: postgres::Error) -> DbErr {
    if let Some(db) = e.as_db_error() {
        let code = db.code().code();
        let (kind, retryable) = if code == "23505" {
            ("ALREADY_EXISTS", Some(false))
        } else if code == "40001" || code == "40P01" {
            ("CONFLICT", Some(true))
        } else if code == "57014" {
            ("CANCELED", None)
        } else if code.starts_with("42")
            || code.starts_with("22")
            || code.starts_with("23")
            || code.starts_with("25")
            || code.starts_with("26")
            || code.starts_with("34")
            || code.starts_with("3F")
        {
            ("INVALID", Some(false))
        } else if code.starts_with("28") {
            ("PERMISSION_DENIED", Some(false))
        } else if code.starts_with("08") || code.starts_with("53") || code.starts_with("57P") {
            ("UNAVAILABLE", Some(true))
        } else if code == "3D000" {
            ("NOT_FOUND", Some(false))
        } else {
            ("INTERNAL", None)
        };
        return DbErr {
            kind,
            msg: format!("{}: {}", db.severity(), db.message()),
            retryable,
        };
    }
    let msg = e.to_string();
    if e.is_closed() || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>()) {
        return DbErr {
            kind: "UNAVAILABLE",
            msg,
            retryable: Some(true),
        };
    }
    // Conversion errors (a bind that does not fit its column) and the like.
    DbErr {
        kind: "INVALID",
        msg,
        retryable: Some(false),
    }
}

// ----- SQLite ---------------------------------------------------------

impl rusqlite::ToSql for Bind {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput as O, Value as V, ValueRef as R};
        Ok(match self {
            Bind::Null => O::Owned(V::Null),
            Bind::Bool(b) => O::Owned(V::Integer(*b as i64)),
            Bind::Int(i) => O::Owned(V::Integer(*i)),
            Bind::Float(f) => O::Owned(V::Real(*f)),
            Bind::Text(b) => O::Borrowed(R::Text(b)),
            Bind::Blob(b) => O::Borrowed(R::Blob(b)),
        })
    }
}

/// Binds `p` to every parameter of `st`: unnamed and `?NNN` ones by
/// position, `:name`/`@name`/`$name` by name (the key with or without its
/// prefix), falling back to the position.
fn sqlite_bind(st: &mut rusqlite::Statement<'_>, p: &Params) -> Result<(), DbErr> {
    let count = st.parameter_count();
    if p.named.is_empty() && p.pos.len() != count {
        return Err(err(
            "INVALID",
            format!("statement takes {count} parameters, got {}", p.pos.len()),
        ));
    }
    for i in 1..=count {
        let name = st.parameter_name(i).map(|s| s.to_string());
        let b = match &name {
            Some(n) if !n.starts_with('?') => {
                let bare = &n[1..];
                p.named
                    .iter()
                    .find(|(k, _)| k == bare || k == n)
                    .map(|(_, b)| b)
                    .or_else(|| p.pos.get(i - 1))
            }
            _ => p.pos.get(i - 1),
        };
        let Some(b) = b else {
            let what = name.unwrap_or_else(|| format!("#{i}"));
            return Err(err("INVALID", format!("no value for parameter {what}")));
        };
        st.raw_bind_parameter(i, b).map_err(sqlite_err)?;
    }
    Ok(())
}

fn sqlite_query(c: &rusqlite::Connection, sql: &str, p: &Params) -> Result<Rows, DbErr> {
    let mut st = c.prepare_cached(sql).map_err(sqlite_err)?;
    sqlite_bind(&mut st, p)?;
    let cols: Vec<String> = st.column_names().iter().map(|s| s.to_string()).collect();
    let n = cols.len();
    let mut rows = st.raw_query();
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(sqlite_err)? {
        let mut row = Vec::with_capacity(n);
        for i in 0..n {
            use rusqlite::types::ValueRef as R;
            row.push(match r.get_ref(i).map_err(sqlite_err)? {
                R::Null => Cell::Null,
                R::Integer(i) => Cell::Int(i),
                R::Real(f) => Cell::Float(f),
                R::Text(b) | R::Blob(b) => Cell::Bytes(b.to_vec()),
            });
        }
        out.push(row);
    }
    Ok(Rows { cols, rows: out })
}

fn sqlite_execute(c: &rusqlite::Connection, sql: &str, p: &Params) -> Result<Done, DbErr> {
    if p.is_empty() {
        // No binds: any number of statements (a schema script).
        c.execute_batch(sql).map_err(sqlite_err)?;
    } else {
        let mut st = c.prepare_cached(sql).map_err(sqlite_err)?;
        sqlite_bind(&mut st, p)?;
        st.raw_execute().map_err(sqlite_err)?;
    }
    Ok(Done {
        last_insert_id: Some(c.last_insert_rowid()),
        rows_affected: c.changes() as i64,
    })
}

// ----- PostgreSQL -----------------------------------------------------

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};

fn pg_is_text(ty: &Type) -> bool {
    [
        Type::TEXT,
        Type::VARCHAR,
        Type::BPCHAR,
        Type::NAME,
        Type::UNKNOWN,
    ]
    .contains(ty)
}

/// A bind converted to the parameter type PostgreSQL inferred.
#[derive(Debug)]
struct PgBind(Bind);

type BoxErr = Box<dyn std::error::Error + Sync + Send>;

fn pg_int(i: i64, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxErr> {
    if *ty == Type::INT8 {
        i.to_sql(ty, out)
    } else if *ty == Type::INT4 {
        i32::try_from(i)?.to_sql(ty, out)
    } else if *ty == Type::INT2 {
        i16::try_from(i)?.to_sql(ty, out)
    } else if *ty == Type::OID {
        u32::try_from(i)?.to_sql(ty, out)
    } else if *ty == Type::FLOAT8 {
        (i as f64).to_sql(ty, out)
    } else if *ty == Type::FLOAT4 {
        (i as f32).to_sql(ty, out)
    } else if *ty == Type::BOOL {
        (i != 0).to_sql(ty, out)
    } else if pg_is_text(ty) {
        i.to_string().to_sql(ty, out)
    } else {
        Err(format!("cannot bind an integer to a {ty} parameter (cast it in SQL)").into())
    }
}

impl ToSql for PgBind {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxErr> {
        match &self.0 {
            Bind::Null => Ok(IsNull::Yes),
            Bind::Bool(b) => {
                if *ty == Type::BOOL {
                    b.to_sql(ty, out)
                } else if pg_is_text(ty) {
                    (if *b { "true" } else { "false" }).to_sql(ty, out)
                } else {
                    pg_int(*b as i64, ty, out)
                }
            }
            Bind::Int(i) => pg_int(*i, ty, out),
            Bind::Float(f) => {
                if *ty == Type::FLOAT8 {
                    f.to_sql(ty, out)
                } else if *ty == Type::FLOAT4 {
                    (*f as f32).to_sql(ty, out)
                } else if pg_is_text(ty) {
                    f.to_string().to_sql(ty, out)
                } else if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    pg_int(*f as i64, ty, out)
                } else {
                    Err(format!("cannot bind a float to a {ty} parameter").into())
                }
            }
            Bind::Text(b) => {
                if *ty == Type::BYTEA {
                    b.as_slice().to_sql(ty, out)
                } else if *ty == Type::JSONB {
                    out.extend_from_slice(&[1]);
                    out.extend_from_slice(b);
                    Ok(IsNull::No)
                } else if *ty == Type::JSON || pg_is_text(ty) {
                    std::str::from_utf8(b)?.to_sql(ty, out)
                } else {
                    let s = std::str::from_utf8(b)?.trim();
                    if let Ok(i) = s.parse::<i64>() {
                        pg_int(i, ty, out)
                    } else if let (Ok(f), true) =
                        (s.parse::<f64>(), *ty == Type::FLOAT8 || *ty == Type::FLOAT4)
                    {
                        PgBind(Bind::Float(f)).to_sql(ty, out)
                    } else {
                        Err(format!(
                            "cannot bind a string to a {ty} parameter (cast it in SQL: $1::{ty})"
                        )
                        .into())
                    }
                }
            }
            Bind::Blob(b) => {
                if *ty == Type::BYTEA || !pg_is_text(ty) {
                    b.as_slice().to_sql(ty, out)
                } else {
                    std::str::from_utf8(b)?.to_sql(ty, out)
                }
            }
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// Reads any column as its raw wire bytes (JSON, UUID and the like).
struct Raw(Vec<u8>);

impl<'a> postgres::types::FromSql<'a> for Raw {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, BoxErr> {
        Ok(Raw(raw.to_vec()))
    }
    fn accepts(_: &Type) -> bool {
        true
    }
}

fn pg_cell(row: &postgres::Row, i: usize, ty: &Type) -> Result<Cell, DbErr> {
    fn g<'a, T: postgres::types::FromSql<'a>>(
        row: &'a postgres::Row,
        i: usize,
    ) -> Result<Option<T>, DbErr> {
        row.try_get::<_, Option<T>>(i).map_err(pg_err)
    }
    let c = if *ty == Type::BOOL {
        g::<bool>(row, i)?.map(Cell::Bool)
    } else if *ty == Type::INT2 {
        g::<i16>(row, i)?.map(|v| Cell::Int(v as i64))
    } else if *ty == Type::INT4 {
        g::<i32>(row, i)?.map(|v| Cell::Int(v as i64))
    } else if *ty == Type::INT8 {
        g::<i64>(row, i)?.map(Cell::Int)
    } else if *ty == Type::OID {
        g::<u32>(row, i)?.map(|v| Cell::Int(v as i64))
    } else if *ty == Type::FLOAT4 {
        g::<f32>(row, i)?.map(|v| Cell::Float(v as f64))
    } else if *ty == Type::FLOAT8 {
        g::<f64>(row, i)?.map(Cell::Float)
    } else if pg_is_text(ty) || *ty == Type::BYTEA || *ty == Type::JSON {
        g::<Raw>(row, i)?.map(|r| Cell::Bytes(r.0))
    } else if *ty == Type::JSONB {
        // Binary jsonb: a version byte, then the JSON text.
        g::<Raw>(row, i)?.map(|r| Cell::Bytes(r.0.get(1..).unwrap_or_default().to_vec()))
    } else if *ty == Type::UUID {
        g::<Raw>(row, i)?.map(|r| {
            let h: String = r.0.iter().map(|b| format!("{b:02x}")).collect();
            let s = if h.len() == 32 {
                format!(
                    "{}-{}-{}-{}-{}",
                    &h[0..8],
                    &h[8..12],
                    &h[12..16],
                    &h[16..20],
                    &h[20..]
                )
            } else {
                h
            };
            Cell::Bytes(s.into_bytes())
        })
    } else {
        // Nulls of any type are fine; a value needs a mapping.
        match g::<Raw>(row, i)? {
            None => None,
            Some(_) => {
                let name = row
                    .columns()
                    .get(i)
                    .map(|c| c.name().to_string())
                    .unwrap_or_default();
                return Err(err(
                    "INVALID",
                    format!(
                        "column '{name}' has type {ty}, which wlua does not map; cast it in SQL ({name}::text)"
                    ),
                ));
            }
        }
    };
    Ok(c.unwrap_or(Cell::Null))
}

fn pg_binds(p: &Params, want: usize) -> Result<Vec<PgBind>, DbErr> {
    if !p.named.is_empty() {
        return Err(err(
            "INVALID",
            "PostgreSQL takes positional parameters ($1, $2, ...), not named ones",
        ));
    }
    if p.pos.len() != want {
        return Err(err(
            "INVALID",
            format!("statement takes {want} parameters, got {}", p.pos.len()),
        ));
    }
    Ok(p.pos.iter().cloned().map(PgBind).collect())
}

fn pg_query(c: &mut postgres::Client, sql: &str, p: &Params) -> Result<Rows, DbErr> {
    let st = c.prepare(sql).map_err(pg_err)?;
    let binds = pg_binds(p, st.params().len())?;
    let refs: Vec<&(dyn ToSql + Sync)> = binds.iter().map(|b| b as &(dyn ToSql + Sync)).collect();
    let rows = c.query(&st, &refs).map_err(pg_err)?;
    let cols: Vec<String> = st.columns().iter().map(|c| c.name().to_string()).collect();
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let mut row = Vec::with_capacity(cols.len());
        for (i, col) in st.columns().iter().enumerate() {
            row.push(pg_cell(r, i, col.type_())?);
        }
        out.push(row);
    }
    Ok(Rows { cols, rows: out })
}

fn pg_execute(c: &mut postgres::Client, sql: &str, p: &Params) -> Result<Done, DbErr> {
    if p.is_empty() {
        // No binds: the simple protocol, which runs several statements.
        let msgs = c.simple_query(sql).map_err(pg_err)?;
        let mut n = 0;
        for m in msgs {
            if let postgres::SimpleQueryMessage::CommandComplete(k) = m {
                n = k as i64;
            }
        }
        return Ok(Done {
            last_insert_id: None,
            rows_affected: n,
        });
    }
    let st = c.prepare(sql).map_err(pg_err)?;
    let binds = pg_binds(p, st.params().len())?;
    let refs: Vec<&(dyn ToSql + Sync)> = binds.iter().map(|b| b as &(dyn ToSql + Sync)).collect();
    let n = c.execute(&st, &refs).map_err(pg_err)?;
    Ok(Done {
        last_insert_id: None,
        rows_affected: n as i64,
    })
}

// ----- one step on a connection ---------------------------------------

fn run_simple(c: &mut Conn, sql: &str) -> Result<(), DbErr> {
    match c {
        Conn::Sqlite(s) => s.execute_batch(sql).map_err(sqlite_err),
        Conn::Pg(pg) => pg.batch_execute(sql).map_err(pg_err),
    }
}

fn run_query(c: &mut Conn, sql: &str, p: &Params) -> Result<Rows, DbErr> {
    match c {
        Conn::Sqlite(s) => sqlite_query(s, sql, p),
        Conn::Pg(pg) => pg_query(pg, sql, p),
    }
}

fn run_execute(c: &mut Conn, sql: &str, p: &Params) -> Result<Done, DbErr> {
    match c {
        Conn::Sqlite(s) => sqlite_execute(s, sql, p),
        Conn::Pg(pg) => pg_execute(pg, sql, p),
    }
}

fn run_prepare(c: &mut Conn, sql: &str) -> Result<(), DbErr> {
    match c {
        Conn::Sqlite(s) => s.prepare_cached(sql).map(|_| ()).map_err(sqlite_err),
        Conn::Pg(pg) => pg.prepare(sql).map(|_| ()).map_err(pg_err),
    }
}

// ----- building results in the process --------------------------------

fn error_value(vm: &mut Vm, e: DbErr) -> Value {
    make_error(
        vm,
        ErrorData {
            message: e.msg,
            kind: e.kind.to_string(),
            retryable: e.retryable,
            stack: None,
        },
        None,
        None,
    )
}

fn fail(vm: &mut Vm, e: DbErr) -> WakeVals {
    let ev = error_value(vm, e);
    smallvec::smallvec![Value::Nil, ev]
}

fn invalid(vm: &mut Vm, msg: impl Into<String>) -> NResult {
    let e = error_value(vm, err("INVALID", msg));
    rets![Value::Nil, e]
}

fn rows_to_lua(vm: &mut Vm, r: Rows) -> Value {
    let keys: Vec<Value> = r.cols.iter().map(|c| vm.new_str(c)).collect();
    let t = vm.new_table_sized(r.rows.len(), 0);
    for (i, row) in r.rows.into_iter().enumerate() {
        let rt = vm.new_table_sized(0, keys.len());
        for (k, cell) in keys.iter().zip(row) {
            let v = match cell {
                Cell::Null => continue,
                Cell::Bool(b) => Value::Bool(b),
                Cell::Int(i) => Value::Int(i),
                Cell::Float(f) => Value::Float(f),
                Cell::Bytes(b) => vm.new_str_owned(b),
            };
            let _ = rt.get_mut().set(*k, v);
        }
        t.get_mut().set_int(i as i64 + 1, Value::Table(rt));
    }
    Value::Table(t)
}

fn done_to_lua(vm: &mut Vm, d: Done) -> Value {
    let t = vm.new_table_sized(0, 2);
    if let Some(id) = d.last_insert_id {
        vm.raw_set_str(t, "last_insert_id", Value::Int(id));
    }
    vm.raw_set_str(t, "rows_affected", Value::Int(d.rows_affected));
    Value::Table(t)
}

fn meta(vm: &mut Vm, key: &str) -> Option<Gc<Table>> {
    match vm.raw_get_str(vm.registry, key) {
        Value::Table(t) => Some(t),
        _ => None,
    }
}

// ----- arguments ------------------------------------------------------

/// The NULL marker: a light userdata with a fixed address.
static NULL_MARK: u8 = 0;

fn null_value() -> Value {
    Value::LightUserData(&NULL_MARK as *const u8 as usize)
}

fn null_value_build(_vm: &mut Vm) -> Value {
    null_value()
}

/// The data of an `sql.as.*` marker.
struct Typed(Bind);

fn to_bind(vm: &Vm, v: Value) -> Result<Bind, String> {
    Ok(match v {
        Value::Nil => Bind::Null,
        Value::Bool(b) => Bind::Bool(b),
        Value::Int(i) => Bind::Int(i),
        Value::Float(f) => Bind::Float(f),
        Value::Str(s) => Bind::Text(s.get().as_bytes().to_vec()),
        Value::LightUserData(a) if a == &NULL_MARK as *const u8 as usize => Bind::Null,
        Value::UserData(u) => match u.get().data.downcast_ref::<Typed>() {
            Some(t) => t.0.clone(),
            None => return Err(format!("cannot bind a {}", vm.type_name_meta(&v))),
        },
        other => return Err(format!("cannot bind a {}", vm.type_name_meta(&other))),
    })
}

/// Bind parameters from `args[start..]`: one table (its array part by
/// position, string keys by name), or the values themselves (varargs).
fn params_from(vm: &Vm, args: &Vals, start: usize) -> Result<Params, String> {
    let mut p = Params::default();
    if args.len() == start + 1 {
        if let Value::Table(t) = args[start] {
            let t: Gc<Table> = t;
            let n = t.get().len();
            for i in 1..=n {
                let v = t.get().get_int(i);
                p.pos
                    .push(to_bind(vm, v).map_err(|m| format!("{m} (parameter {i})"))?);
            }
            let mut k = Value::Nil;
            while let Ok(Some((key, v))) = t.get().next(k) {
                k = key;
                match key {
                    Value::Int(i) if i >= 1 && i <= n => {}
                    Value::Str(s) => {
                        let name = s.get().to_str_lossy().into_owned();
                        let b = to_bind(vm, v).map_err(|m| format!("{m} (parameter '{name}')"))?;
                        p.named.push((name, b));
                    }
                    _ => return Err("parameter tables take array entries and string keys".into()),
                }
            }
            return Ok(p);
        }
    }
    for (i, v) in args.iter().enumerate().skip(start) {
        p.pos
            .push(to_bind(vm, *v).map_err(|m| format!("{m} (parameter {})", i - start + 1))?);
    }
    Ok(p)
}

fn target_of(vm: &Vm, args: &Vals) -> Result<Target, LuaError> {
    if let Value::UserData(u) = arg(args, 0) {
        let u: Gc<UserData> = u;
        let data = &u.get().data;
        if let Some(d) = data.downcast_ref::<DbObj>() {
            return Ok(Target {
                shared: d.shared.clone(),
                tx: None,
            });
        }
        if let Some(t) = data.downcast_ref::<TxObj>() {
            return Ok(Target {
                shared: t.shared.clone(),
                tx: Some(t.state.clone()),
            });
        }
    }
    Err(args::type_error(vm, args, 0, "sql.DB"))
}

fn sql_arg(vm: &mut Vm, args: &Vals, i: usize) -> Result<String, LuaError> {
    let s = args::check_str(vm, args, i)?;
    Ok(s.get().to_str_lossy().into_owned())
}

// ----- the module functions -------------------------------------------

fn open_conn(dsn: &str) -> Result<(Kind, Conn), DbErr> {
    if dsn.starts_with("postgres://") || dsn.starts_with("postgresql://") {
        let c = postgres::Client::connect(dsn, postgres::NoTls).map_err(|e| {
            let mut d = pg_err(e);
            if d.kind == "INVALID" || d.kind == "INTERNAL" {
                d.kind = "UNAVAILABLE";
                d.retryable = Some(true);
            }
            d
        })?;
        return Ok((Kind::Postgres, Conn::Pg(Box::new(c))));
    }
    let c = if dsn == "sqlite::memory:" || dsn == ":memory:" || dsn == "sqlite://:memory:" {
        rusqlite::Connection::open_in_memory()
    } else {
        let path = dsn.strip_prefix("sqlite:").unwrap_or(dsn);
        let path = path.strip_prefix("//").unwrap_or(path);
        rusqlite::Connection::open(path)
    }
    .map_err(sqlite_err)?;
    // Another connection writing the same file: wait a while, not fail at once.
    let _ = c.busy_timeout(std::time::Duration::from_secs(5));
    Ok((Kind::Sqlite, Conn::Sqlite(c)))
}

/// `sql.open(dsn) -> DB, err`.
fn open(vm: &mut Vm, args: Vals) -> NResult {
    let dsn = sql_arg(vm, &args, 0)?;
    if dsn.is_empty() {
        return invalid(vm, "empty DSN");
    }
    if let Some((scheme, _)) = dsn.split_once("://") {
        if !["postgres", "postgresql", "sqlite"].contains(&scheme) {
            return invalid(
                vm,
                format!("unsupported database '{scheme}' (sqlite and postgres are)"),
            );
        }
    }
    block_on_pool(
        vm,
        "sql.open",
        move || open_conn(&dsn),
        |vm, r| {
            Ok(match r {
                Ok((kind, conn)) => {
                    let shared = Arc::new(Shared {
                        conn: Mutex::new(Some(conn)),
                        kind,
                        in_tx: AtomicBool::new(false),
                    });
                    let mt = meta(vm, DB_META_KEY);
                    let v = vm.new_userdata(Box::new(DbObj { shared }), mt);
                    smallvec::smallvec![v]
                }
                Err(e) => fail(vm, e),
            })
        },
    )
}

/// `sql.get(id)`: the spec's resource lookup. wlua has no resource
/// entries, so a valid id is never found.
fn get(vm: &mut Vm, args: Vals) -> NResult {
    let id = sql_arg(vm, &args, 0)?;
    if id.is_empty() {
        return invalid(vm, "empty database id");
    }
    let e = error_value(
        vm,
        err(
            "NOT_FOUND",
            format!("no database entry '{id}' (wlua has no resource entries; use sql.open(dsn))"),
        ),
    );
    rets![Value::Nil, e]
}

fn typed(vm: &mut Vm, b: Bind) -> NResult {
    let v = vm.new_userdata(Box::new(Typed(b)), None);
    rets![v]
}

fn as_int(vm: &mut Vm, args: Vals) -> NResult {
    let v = arg(&args, 0);
    let i = match v {
        Value::Int(i) => Some(i),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Some(f as i64),
        Value::Str(s) => s.get().to_str_lossy().trim().parse::<i64>().ok(),
        Value::Bool(b) => Some(b as i64),
        _ => None,
    };
    match i {
        Some(i) => typed(vm, Bind::Int(i)),
        None => invalid(
            vm,
            format!("cannot convert {} to an integer", vm.type_name_meta(&v)),
        ),
    }
}

fn as_float(vm: &mut Vm, args: Vals) -> NResult {
    let v = arg(&args, 0);
    let f = match v {
        Value::Int(i) => Some(i as f64),
        Value::Float(f) => Some(f),
        Value::Str(s) => s.get().to_str_lossy().trim().parse::<f64>().ok(),
        _ => None,
    };
    match f {
        Some(f) => typed(vm, Bind::Float(f)),
        None => invalid(
            vm,
            format!("cannot convert {} to a float", vm.type_name_meta(&v)),
        ),
    }
}

fn as_text(vm: &mut Vm, args: Vals) -> NResult {
    let v = args::check_any(&args, 0)?;
    let s = vm.tostring(v)?;
    let b = match s {
        Value::Str(s) => s.get().as_bytes().to_vec(),
        _ => Vec::new(),
    };
    typed(vm, Bind::Text(b))
}

fn as_binary(vm: &mut Vm, args: Vals) -> NResult {
    let b = args::check_bytes(vm, &args, 0)?;
    typed(vm, Bind::Blob(b))
}

fn as_null(vm: &mut Vm, _args: Vals) -> NResult {
    typed(vm, Bind::Null)
}

// ----- DB and Tx methods ----------------------------------------------

fn m_type(vm: &mut Vm, args: Vals) -> NResult {
    let t = target_of(vm, &args)?;
    let s = vm.new_str(t.shared.kind.name());
    rets![s]
}

fn query_on(vm: &mut Vm, t: Target, sql: String, p: Params) -> NResult {
    block_on_pool(
        vm,
        "sql.query",
        move || t.with(|c| run_query(c, &sql, &p)),
        |vm, r| {
            Ok(match r {
                Ok(rows) => smallvec::smallvec![rows_to_lua(vm, rows)],
                Err(e) => fail(vm, e),
            })
        },
    )
}

fn execute_on(vm: &mut Vm, t: Target, sql: String, p: Params) -> NResult {
    block_on_pool(
        vm,
        "sql.execute",
        move || t.with(|c| run_execute(c, &sql, &p)),
        |vm, r| {
            Ok(match r {
                Ok(d) => smallvec::smallvec![done_to_lua(vm, d)],
                Err(e) => fail(vm, e),
            })
        },
    )
}

/// `db:query(sql, params...) -> rows, err`.
fn m_query(vm: &mut Vm, args: Vals) -> NResult {
    let t = target_of(vm, &args)?;
    let sql = sql_arg(vm, &args, 1)?;
    match params_from(vm, &args, 2) {
        Ok(p) => query_on(vm, t, sql, p),
        Err(m) => invalid(vm, m),
    }
}

/// `db:execute(sql, params...) -> {last_insert_id, rows_affected}, err`.
fn m_execute(vm: &mut Vm, args: Vals) -> NResult {
    let t = target_of(vm, &args)?;
    let sql = sql_arg(vm, &args, 1)?;
    match params_from(vm, &args, 2) {
        Ok(p) => execute_on(vm, t, sql, p),
        Err(m) => invalid(vm, m),
    }
}

/// `db:prepare(sql) -> Statement, err`: the SQL is checked now.
fn m_prepare(vm: &mut Vm, args: Vals) -> NResult {
    let t = target_of(vm, &args)?;
    let sql = sql_arg(vm, &args, 1)?;
    let t2 = t.clone();
    let sql2 = sql.clone();
    block_on_pool(
        vm,
        "sql.prepare",
        move || t2.with(|c| run_prepare(c, &sql2)),
        move |vm, r| {
            Ok(match r {
                Ok(()) => {
                    let mt = meta(vm, STMT_META_KEY);
                    let s = StmtObj {
                        shared: t.shared,
                        tx: t.tx,
                        sql,
                        closed: false,
                    };
                    smallvec::smallvec![vm.new_userdata(Box::new(s), mt)]
                }
                Err(e) => fail(vm, e),
            })
        },
    )
}

fn isolation_sql(kind: Kind, level: &str) -> Result<&'static str, String> {
    let pg = match level {
        "" | "default" => return Ok(""),
        "read_uncommitted" => " ISOLATION LEVEL READ UNCOMMITTED",
        "read_committed" => " ISOLATION LEVEL READ COMMITTED",
        "repeatable_read" => " ISOLATION LEVEL REPEATABLE READ",
        "serializable" => " ISOLATION LEVEL SERIALIZABLE",
        "write_committed" => {
            return Err("isolation level 'write_committed' is not supported".into());
        }
        other => return Err(format!("unknown isolation level '{other}'")),
    };
    // SQLite transactions are always serializable.
    Ok(if kind == Kind::Postgres { pg } else { "" })
}

/// `db:begin({isolation, read_only}?) -> Tx, err`.
fn m_begin(vm: &mut Vm, args: Vals) -> NResult {
    let t = target_of(vm, &args)?;
    if t.tx.is_some() {
        return invalid(vm, "already in a transaction (use savepoints)");
    }
    let mut level = String::new();
    let mut read_only = false;
    match arg(&args, 1) {
        Value::Nil => {}
        Value::Table(o) => {
            match vm.raw_get_str(o, "isolation") {
                Value::Nil => {}
                Value::Str(s) => level = s.get().to_str_lossy().into_owned(),
                other => {
                    let tn = vm.type_name_meta(&other);
                    return invalid(vm, format!("isolation must be a string, got {tn}"));
                }
            }
            read_only = vm.raw_get_str(o, "read_only").truthy();
        }
        _ => return Err(args::type_error(vm, &args, 1, "table")),
    }
    let kind = t.shared.kind;
    let iso = match isolation_sql(kind, &level) {
        Ok(s) => s,
        Err(m) => return invalid(vm, m),
    };
    let mut stmt = format!("BEGIN{iso}");
    if read_only && kind == Kind::Postgres {
        stmt.push_str(" READ ONLY");
    }
    let shared = t.shared.clone();
    block_on_pool(
        vm,
        "sql.begin",
        move || {
            t.with(|c| {
                if t.shared.in_tx.load(Ordering::SeqCst) {
                    return Err(err(
                        "INVALID",
                        "a transaction is already open on this connection",
                    ));
                }
                run_simple(c, &stmt)?;
                t.shared.in_tx.store(true, Ordering::SeqCst);
                Ok(())
            })
        },
        move |vm, r| {
            Ok(match r {
                Ok(()) => {
                    let mt = meta(vm, TX_META_KEY);
                    let tx = TxObj {
                        shared,
                        state: Arc::new(TxState {
                            active: AtomicBool::new(true),
                        }),
                    };
                    smallvec::smallvec![vm.new_userdata(Box::new(tx), mt)]
                }
                Err(e) => fail(vm, e),
            })
        },
    )
}

fn m_stats(vm: &mut Vm, args: Vals) -> NResult {
    let t = target_of(vm, &args)?;
    // try_lock: a query in flight holds the connection.
    let (open, in_use) = match t.shared.conn.try_lock() {
        Ok(g) => (g.is_some() as i64, 0),
        Err(_) => (1, 1),
    };
    let s = vm.new_table_sized(0, 9);
    for (k, v) in [
        ("max_open_connections", 1),
        ("open_connections", open),
        ("in_use", in_use),
        ("idle", open - in_use),
        ("wait_count", 0),
        ("wait_duration", 0),
        ("max_idle_closed", 0),
        ("max_idle_time_closed", 0),
        ("max_lifetime_closed", 0),
    ] {
        vm.raw_set_str(s, k, Value::Int(v));
    }
    rets![Value::Table(s)]
}

/// `db:close()` / `db:release() -> true`: closes the connection (rolling
/// back an open transaction). Closing twice is fine.
fn m_close(vm: &mut Vm, args: Vals) -> NResult {
    let t = target_of(vm, &args)?;
    if t.tx.is_some() {
        return Err(args::type_error(vm, &args, 0, "sql.DB"));
    }
    block_on_pool(
        vm,
        "sql.close",
        move || {
            let c = t.shared.lock().take();
            drop(c);
            t.shared.in_tx.store(false, Ordering::SeqCst);
        },
        |_vm, ()| Ok(smallvec::smallvec![Value::Bool(true)]),
    )
}

// ----- transactions ---------------------------------------------------

fn tx_of(vm: &Vm, args: &Vals) -> Result<(Arc<Shared>, Arc<TxState>), LuaError> {
    if let Value::UserData(u) = arg(args, 0) {
        let u: Gc<UserData> = u;
        if let Some(t) = u.get().data.downcast_ref::<TxObj>() {
            return Ok((t.shared.clone(), t.state.clone()));
        }
    }
    Err(args::type_error(vm, args, 0, "sql.Tx"))
}

/// Ends the transaction with COMMIT or ROLLBACK.
fn tx_end(vm: &mut Vm, args: Vals, commit: bool) -> NResult {
    let (shared, state) = tx_of(vm, &args)?;
    block_on_pool(
        vm,
        if commit { "sql.commit" } else { "sql.rollback" },
        move || {
            let mut g = shared.lock();
            if !state.active.swap(false, Ordering::SeqCst) {
                return Err(err("INVALID", "transaction is not active"));
            }
            shared.in_tx.store(false, Ordering::SeqCst);
            let Some(c) = g.as_mut() else {
                return Err(err("INVALID", "database is closed"));
            };
            let r = run_simple(c, if commit { "COMMIT" } else { "ROLLBACK" });
            if r.is_err() && commit {
                // A failed COMMIT may leave the transaction open.
                let _ = run_simple(c, "ROLLBACK");
            }
            r
        },
        |vm, r| {
            Ok(match r {
                Ok(()) => smallvec::smallvec![Value::Bool(true)],
                Err(e) => fail(vm, e),
            })
        },
    )
}

fn t_commit(vm: &mut Vm, args: Vals) -> NResult {
    tx_end(vm, args, true)
}

fn t_rollback(vm: &mut Vm, args: Vals) -> NResult {
    tx_end(vm, args, false)
}

/// Runs a savepoint statement: `SAVEPOINT`, `ROLLBACK TO SAVEPOINT`,
/// `RELEASE SAVEPOINT`, after checking the name.
fn savepoint_op(vm: &mut Vm, args: Vals, verb: &'static str) -> NResult {
    let (shared, state) = tx_of(vm, &args)?;
    let name = sql_arg(vm, &args, 1)?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return invalid(
            vm,
            format!("invalid savepoint name '{name}' (letters, digits, _)"),
        );
    }
    let t = Target {
        shared,
        tx: Some(state),
    };
    let stmt = format!("{verb} {name}");
    block_on_pool(
        vm,
        "sql.savepoint",
        move || t.with(|c| run_simple(c, &stmt)),
        |vm, r| {
            Ok(match r {
                Ok(()) => smallvec::smallvec![Value::Bool(true)],
                Err(e) => fail(vm, e),
            })
        },
    )
}

fn t_savepoint(vm: &mut Vm, args: Vals) -> NResult {
    savepoint_op(vm, args, "SAVEPOINT")
}

fn t_rollback_to(vm: &mut Vm, args: Vals) -> NResult {
    savepoint_op(vm, args, "ROLLBACK TO SAVEPOINT")
}

fn t_release(vm: &mut Vm, args: Vals) -> NResult {
    savepoint_op(vm, args, "RELEASE SAVEPOINT")
}

// ----- statements -----------------------------------------------------

fn stmt_of(vm: &Vm, args: &Vals) -> Result<&'static mut StmtObj, LuaError> {
    if let Value::UserData(u) = arg(args, 0) {
        let u: Gc<UserData> = u;
        if let Some(s) = u.get_mut().data.downcast_mut::<StmtObj>() {
            // SAFETY: the userdata lives while the caller holds it.
            return Ok(unsafe { &mut *(s as *mut StmtObj) });
        }
    }
    Err(args::type_error(vm, args, 0, "sql.Statement"))
}

fn stmt_target(
    vm: &mut Vm,
    args: &Vals,
) -> Result<Result<(Target, String, Params), String>, LuaError> {
    let s = stmt_of(vm, args)?;
    if s.closed {
        return Ok(Err("statement is closed".into()));
    }
    let t = Target {
        shared: s.shared.clone(),
        tx: s.tx.clone(),
    };
    let sql = s.sql.clone();
    Ok(params_from(vm, args, 1).map(|p| (t, sql, p)))
}

fn s_query(vm: &mut Vm, args: Vals) -> NResult {
    match stmt_target(vm, &args)? {
        Ok((t, sql, p)) => query_on(vm, t, sql, p),
        Err(m) => invalid(vm, m),
    }
}

fn s_execute(vm: &mut Vm, args: Vals) -> NResult {
    match stmt_target(vm, &args)? {
        Ok((t, sql, p)) => execute_on(vm, t, sql, p),
        Err(m) => invalid(vm, m),
    }
}

fn s_close(vm: &mut Vm, args: Vals) -> NResult {
    let s = stmt_of(vm, &args)?;
    s.closed = true;
    rets![Value::Bool(true)]
}
