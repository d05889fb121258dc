//! Built-in signatures: the Lua 5.3 standard library, the runtime's
//! globals (`process`, `channel`, `errors`, `types`) and the modules
//! `require` finds without a file (`json`, `time`, `sql`, `http_client`),
//! written in the dialect's own type syntax, parsed once per thread by the
//! wlua parser and resolved like user aliases (infer/libs.rs).
//!
//! Where the reference coerces (a number where a string is expected in the
//! string library, a string in `math`), the signature accepts both: a
//! signature may only reject what fails at run time. Functions whose result
//! depends on their arguments in ways the syntax cannot say (`type`,
//! `assert`, `error`, `setmetatable`, `pairs`, `ipairs`, `select`, `pcall`)
//! are given a signature here for arity and arguments, and infer.rs
//! special-cases their results and narrowing; elsewhere such a result is
//! `any` (`io.read`, `os.date`, `json.decode`).
//!
//! Native objects (files, channels, errors, times, database handles) are
//! interfaces declared in `TYPES`: records of methods whose first
//! parameter is `Self`, the object. Expected failures of the runtime
//! modules are `nil, err` with an `errors.Error`, so their results read
//! `(T?, errors.Error?)`.

/// Aliases used by the signatures below.
pub const PRELUDE: &str = "
type S = string | number
type N = number | string
";

/// `(global path, signature)`. A path with a dot is a library field.
pub const SIGNATURES: &[(&str, &str)] = &[
    ("print", "(...any) -> ()"),
    ("type", "(any) -> string"),
    ("tostring", "(any) -> string"),
    ("tonumber", "(any, integer?) -> number?"),
    ("assert", "(any, any?) -> any"),
    ("error", "(any?, integer?) -> never"),
    ("pcall", "(any, ...any) -> (boolean, ...any)"),
    ("xpcall", "(any, any, ...any) -> (boolean, ...any)"),
    ("select", "(S, ...any) -> ...any"),
    ("rawget", "(table, any) -> any"),
    ("rawset", "(table, any, any) -> table"),
    ("rawequal", "(any, any) -> boolean"),
    ("rawlen", "(any) -> integer"),
    ("setmetatable", "(table, table?) -> table"),
    ("getmetatable", "(any) -> any"),
    ("next", "(table, any?) -> (any, any)"),
    ("pairs", "(any) -> (any, any, any)"),
    ("ipairs", "(any) -> (any, any, integer)"),
    ("require", "(string) -> any"),
    ("load", "(any, string?, string?, table?) -> (any, string?)"),
    ("loadfile", "(string?, string?, table?) -> (any, string?)"),
    ("dofile", "(string?) -> ...any"),
    ("collectgarbage", "(string?, any?) -> any"),
    ("unpack", "(table, integer?, integer?) -> ...any"),
    ("string.len", "(S) -> integer"),
    ("string.sub", "(S, integer, integer?) -> string"),
    ("string.upper", "(S) -> string"),
    ("string.lower", "(S) -> string"),
    ("string.rep", "(S, integer, S?) -> string"),
    ("string.reverse", "(S) -> string"),
    ("string.byte", "(S, integer?, integer?) -> ...integer"),
    ("string.char", "(...integer) -> string"),
    ("string.format", "(S, ...any) -> string"),
    (
        "string.find",
        "(S, S, integer?, boolean?) -> (integer?, integer?, ...any)",
    ),
    ("string.match", "(S, S, integer?) -> ...any"),
    ("string.gmatch", "(S, S) -> any"),
    ("string.gsub", "(S, S, any, integer?) -> (string, integer)"),
    ("string.pack", "(S, ...any) -> string"),
    ("string.unpack", "(S, S, integer?) -> ...any"),
    ("string.packsize", "(S) -> integer"),
    ("string.dump", "(function, boolean?) -> string"),
    ("table.insert", "(table, any, any?) -> ()"),
    ("table.remove", "(table, integer?) -> any"),
    ("table.concat", "(table, S?, integer?, integer?) -> string"),
    ("table.sort", "(table, any?) -> ()"),
    ("table.unpack", "(table, integer?, integer?) -> ...any"),
    ("table.pack", "(...any) -> table"),
    (
        "table.move",
        "(table, integer, integer, integer, table?) -> table",
    ),
    ("math.abs", "(N) -> number"),
    ("math.ceil", "(N) -> integer"),
    ("math.floor", "(N) -> integer"),
    ("math.sqrt", "(N) -> number"),
    ("math.sin", "(N) -> number"),
    ("math.cos", "(N) -> number"),
    ("math.tan", "(N) -> number"),
    ("math.asin", "(N) -> number"),
    ("math.acos", "(N) -> number"),
    ("math.atan", "(N, N?) -> number"),
    ("math.exp", "(N) -> number"),
    ("math.log", "(N, N?) -> number"),
    ("math.fmod", "(N, N) -> number"),
    ("math.modf", "(N) -> (number, number)"),
    ("math.max", "(N, ...N) -> number"),
    ("math.min", "(N, ...N) -> number"),
    ("math.random", "(integer?, integer?) -> number"),
    ("math.randomseed", "(N) -> ()"),
    ("math.tointeger", "(any) -> integer?"),
    ("math.type", "(any) -> string?"),
    ("math.ult", "(integer, integer) -> boolean"),
    ("math.deg", "(N) -> number"),
    ("math.rad", "(N) -> number"),
    // LUA_COMPAT_MATHLIB functions, present in the reference build.
    ("math.pow", "(N, N) -> number"),
    ("math.ldexp", "(N, N) -> number"),
    ("math.frexp", "(N) -> (number, integer)"),
    ("math.log10", "(N) -> number"),
    ("math.atan2", "(N, N) -> number"),
    ("math.cosh", "(N) -> number"),
    ("math.sinh", "(N) -> number"),
    ("math.tanh", "(N) -> number"),
    ("math.pi", "number"),
    ("math.huge", "number"),
    ("math.maxinteger", "integer"),
    ("math.mininteger", "integer"),
    ("coroutine.create", "(function) -> thread"),
    ("coroutine.resume", "(thread, ...any) -> (boolean, ...any)"),
    ("coroutine.yield", "(...any) -> ...any"),
    ("coroutine.status", "(thread) -> string"),
    ("coroutine.wrap", "(function) -> any"),
    ("coroutine.isyieldable", "() -> boolean"),
    ("coroutine.running", "() -> (thread, boolean)"),
    // A coroutine the process's scheduler runs (docs/processes.md).
    ("coroutine.spawn", "(function, ...any) -> ()"),
    ("utf8.char", "(...integer) -> string"),
    ("utf8.charpattern", "string"),
    ("utf8.codepoint", "(S, integer?, integer?) -> ...integer"),
    (
        "utf8.len",
        "(S, integer?, integer?) -> (integer?, integer?)",
    ),
    ("utf8.offset", "(S, integer, integer?) -> integer?"),
    ("utf8.codes", "(S) -> any"),
    // io: reads give strings or numbers as their formats say, so `any`.
    ("io.open", "(S, S?) -> (io.File?, string?, integer?)"),
    ("io.popen", "(S, S?) -> (io.File?, string?, integer?)"),
    ("io.tmpfile", "() -> (io.File?, string?, integer?)"),
    ("io.close", "(io.File?) -> (boolean?, string?, integer?)"),
    ("io.flush", "() -> (boolean?, string?, integer?)"),
    ("io.input", "((S | io.File)?) -> io.File"),
    ("io.output", "((S | io.File)?) -> io.File"),
    ("io.lines", "(S?, ...N) -> (() -> any)"),
    ("io.read", "(...N) -> ...any"),
    ("io.write", "(...S) -> (io.File?, string?, integer?)"),
    ("io.type", "(any) -> (\"file\" | \"closed file\")?"),
    ("io.stdin", "io.File"),
    ("io.stdout", "io.File"),
    ("io.stderr", "io.File"),
    // os: `date` gives a string or a table as its format says.
    ("os.time", "(table?) -> integer"),
    ("os.clock", "() -> number"),
    ("os.date", "(S?, integer?) -> any"),
    ("os.getenv", "(S) -> string?"),
    ("os.exit", "((boolean | N)?, any?) -> never"),
    ("os.remove", "(S) -> (boolean?, string?, integer?)"),
    ("os.rename", "(S, S) -> (boolean?, string?, integer?)"),
    ("os.tmpname", "() -> string"),
    ("os.difftime", "(integer, integer?) -> number"),
    ("os.execute", "(S?) -> (boolean?, string?, integer?)"),
    ("os.setlocale", "(S?, S?) -> string?"),
    // debug: most take an optional thread first, which shifts the other
    // arguments, so positions after it are `any`.
    ("debug.debug", "() -> ()"),
    ("debug.traceback", "(any?, any?, any?) -> any"),
    ("debug.getinfo", "(any, any?, any?) -> debug.Info?"),
    ("debug.getlocal", "(any, any, any?) -> (string?, any)"),
    ("debug.setlocal", "(any, any, any, any?) -> string?"),
    ("debug.getupvalue", "(function, integer) -> (string?, any)"),
    ("debug.setupvalue", "(function, integer, any) -> string?"),
    ("debug.upvalueid", "(function, integer) -> userdata"),
    (
        "debug.upvaluejoin",
        "(function, integer, function, integer) -> ()",
    ),
    ("debug.getmetatable", "(any) -> table?"),
    ("debug.setmetatable", "(any, table?) -> any"),
    ("debug.getregistry", "() -> table"),
    ("debug.sethook", "(any?, any?, any?, any?) -> ()"),
    ("debug.gethook", "(thread?) -> (function?, string, integer)"),
    ("debug.getuservalue", "(any) -> any"),
    ("debug.setuservalue", "(userdata, any) -> userdata"),
    // package: the fields a program reads or extends.
    ("package.path", "string"),
    ("package.cpath", "string"),
    ("package.config", "string"),
    ("package.loaded", "{[string]: any}"),
    ("package.preload", "{[string]: any}"),
    ("package.searchers", "{function}"),
    ("package.searchpath", "(S, S, S?, S?) -> (string?, string?)"),
    ("package.loadlib", "(S, S) -> (any, string?, string?)"),
    // errors (docs/errors.md). `new` checks a table argument's fields
    // itself; the kind of `is` must be one of the kind names.
    ("errors.new", "(S | table, S?) -> errors.Error"),
    ("errors.wrap", "(error | number | nil, S) -> errors.Error?"),
    ("errors.is", "(any, errors.Kind) -> boolean"),
    ("errors.call_stack", "(any) -> errors.CallStack?"),
    ("errors.UNKNOWN", "\"UNKNOWN\""),
    ("errors.INVALID", "\"INVALID\""),
    ("errors.NOT_FOUND", "\"NOT_FOUND\""),
    ("errors.ALREADY_EXISTS", "\"ALREADY_EXISTS\""),
    ("errors.PERMISSION_DENIED", "\"PERMISSION_DENIED\""),
    ("errors.UNAVAILABLE", "\"UNAVAILABLE\""),
    ("errors.INTERNAL", "\"INTERNAL\""),
    ("errors.CANCELED", "\"CANCELED\""),
    ("errors.CONFLICT", "\"CONFLICT\""),
    ("errors.TIMEOUT", "\"TIMEOUT\""),
    ("errors.RATE_LIMITED", "\"RATE_LIMITED\""),
    // process (docs/processes.md): expected failures are `nil, err`.
    ("process.pid", "() -> string"),
    ("process.id", "() -> string"),
    (
        "process.send",
        "(string, S, ...any) -> (boolean?, errors.Error?)",
    ),
    (
        "process.spawn",
        "(string | function, string?, ...any) -> (string?, errors.Error?)",
    ),
    (
        "process.spawn_monitored",
        "(string | function, string?, ...any) -> (string?, errors.Error?)",
    ),
    (
        "process.spawn_linked",
        "(string | function, string?, ...any) -> (string?, errors.Error?)",
    ),
    (
        "process.spawn_linked_monitored",
        "(string | function, string?, ...any) -> (string?, errors.Error?)",
    ),
    (
        "process.exec",
        "(string | function, any, ...any) -> (any, errors.Error?)",
    ),
    ("process.terminate", "(string, S?) -> (boolean?, errors.Error?)"),
    ("process.cancel", "(string, S?) -> (boolean?, errors.Error?)"),
    ("process.monitor", "(string) -> (boolean?, errors.Error?)"),
    ("process.unmonitor", "(string) -> (boolean?, errors.Error?)"),
    ("process.link", "(string) -> (boolean?, errors.Error?)"),
    ("process.unlink", "(string) -> (boolean?, errors.Error?)"),
    ("process.inbox", "() -> channel.Channel"),
    ("process.events", "() -> channel.Channel"),
    (
        "process.listen",
        "(S, table?) -> (channel.Channel?, errors.Error?)",
    ),
    ("process.unlisten", "(channel.Channel) -> boolean"),
    ("process.get_options", "() -> process.Options"),
    ("process.set_options", "(table) -> (boolean?, errors.Error?)"),
    // Not supported by wlua: always `nil, err`.
    ("process.upgrade", "(...any) -> (nil, errors.Error)"),
    ("process.with_context", "(...any) -> (nil, errors.Error)"),
    ("process.with_options", "(...any) -> (nil, errors.Error)"),
    (
        "process.event",
        "{CANCEL: \"CANCEL\", EXIT: \"EXIT\", LINK_DOWN: \"LINK_DOWN\", OUTDATED: \"OUTDATED\"}",
    ),
    (
        "process.registry",
        "{register: (name: S, pid: string?, scope: string?) -> (boolean?, errors.Error?),
          lookup: (name: S) -> (string?, errors.Error?),
          unregister: (name: S, scope: string?) -> boolean,
          LOCAL: \"local\", EVENTUAL: \"eventual\", CONSISTENT: \"consistent\", STRONG: \"strong\"}",
    ),
    // channel (spec/channels.md).
    ("channel.new", "(integer?) -> channel.Channel"),
    ("channel.select", "(table) -> channel.Selected"),
    // json (docs/json.md): failures are `nil, err`.
    ("json.encode", "(any, table?) -> (string?, errors.Error?)"),
    ("json.decode", "(S) -> (any, errors.Error?)"),
    ("json.validate", "(any, any) -> (boolean?, errors.Error?)"),
    ("json.validate_string", "(any, S) -> (boolean?, errors.Error?)"),
    ("json.null", "userdata"),
    // time (docs/time.md). A duration is nanoseconds, a Go-style string or
    // a Duration object; `parse_duration`, `timer` and `ticker` return
    // `nil, err` for anything else instead of raising.
    ("time.now", "() -> time.Time"),
    (
        "time.date",
        "(year: integer, month: integer, day: integer, hour: integer, min: integer, sec: integer, nsec: integer, loc: time.Location?) -> time.Time",
    ),
    ("time.unix", "(sec: integer, nsec: integer?) -> time.Time"),
    (
        "time.parse",
        "(layout: S, value: S, loc: time.Location?) -> (time.Time?, errors.Error?)",
    ),
    (
        "time.parse_duration",
        "(any) -> (time.Duration?, errors.Error?)",
    ),
    (
        "time.load_location",
        "(S) -> (time.Location?, errors.Error?)",
    ),
    ("time.fixed_zone", "(S, integer) -> time.Location"),
    ("time.sleep", "(number | string | time.Duration) -> ()"),
    ("time.after", "(number | string | time.Duration) -> channel.Channel"),
    ("time.timer", "(any) -> (time.Timer?, errors.Error?)"),
    ("time.ticker", "(any) -> (time.Timer?, errors.Error?)"),
    ("time.utc", "time.Location"),
    ("time.localtz", "time.Location"),
    ("time.NANOSECOND", "integer"),
    ("time.MICROSECOND", "integer"),
    ("time.MILLISECOND", "integer"),
    ("time.SECOND", "integer"),
    ("time.MINUTE", "integer"),
    ("time.HOUR", "integer"),
    ("time.RFC3339", "string"),
    ("time.RFC3339NANO", "string"),
    ("time.RFC822", "string"),
    ("time.RFC822Z", "string"),
    ("time.RFC850", "string"),
    ("time.RFC1123", "string"),
    ("time.RFC1123Z", "string"),
    ("time.DATE_TIME", "string"),
    ("time.DATE_ONLY", "string"),
    ("time.TIME_ONLY", "string"),
    ("time.KITCHEN", "string"),
    ("time.STAMP", "string"),
    ("time.STAMP_MILLI", "string"),
    ("time.STAMP_MICRO", "string"),
    ("time.STAMP_NANO", "string"),
    ("time.JANUARY", "integer"),
    ("time.FEBRUARY", "integer"),
    ("time.MARCH", "integer"),
    ("time.APRIL", "integer"),
    ("time.MAY", "integer"),
    ("time.JUNE", "integer"),
    ("time.JULY", "integer"),
    ("time.AUGUST", "integer"),
    ("time.SEPTEMBER", "integer"),
    ("time.OCTOBER", "integer"),
    ("time.NOVEMBER", "integer"),
    ("time.DECEMBER", "integer"),
    ("time.SUNDAY", "integer"),
    ("time.MONDAY", "integer"),
    ("time.TUESDAY", "integer"),
    ("time.WEDNESDAY", "integer"),
    ("time.THURSDAY", "integer"),
    ("time.FRIDAY", "integer"),
    ("time.SATURDAY", "integer"),
    // sql (docs/sql.md): failures are `nil, err`; `get` has no entries
    // to find in wlua.
    ("sql.open", "(dsn: S) -> (sql.DB?, errors.Error?)"),
    ("sql.get", "(id: S) -> (nil, errors.Error)"),
    ("sql.NULL", "userdata"),
    (
        "sql.type",
        "{POSTGRES: \"postgres\", MYSQL: \"mysql\", SQLITE: \"sqlite\", UNKNOWN: \"unknown\"}",
    ),
    (
        "sql.isolation",
        "{DEFAULT: \"default\", READ_UNCOMMITTED: \"read_uncommitted\", READ_COMMITTED: \"read_committed\",
          WRITE_COMMITTED: \"write_committed\", REPEATABLE_READ: \"repeatable_read\", SERIALIZABLE: \"serializable\"}",
    ),
    (
        "sql.as",
        "{int: (any) -> (userdata?, errors.Error?), float: (any) -> (userdata?, errors.Error?),
          text: (any) -> userdata, binary: (S) -> userdata, null: () -> userdata}",
    ),
    // http_client (docs/http_client.md): options are read field by field
    // and a bad one is `nil, err`, so they are `any`.
    (
        "http_client.get",
        "(url: S, opts: any) -> (http_client.Response?, errors.Error?)",
    ),
    (
        "http_client.post",
        "(url: S, opts: any) -> (http_client.Response?, errors.Error?)",
    ),
    (
        "http_client.put",
        "(url: S, opts: any) -> (http_client.Response?, errors.Error?)",
    ),
    (
        "http_client.patch",
        "(url: S, opts: any) -> (http_client.Response?, errors.Error?)",
    ),
    (
        "http_client.delete",
        "(url: S, opts: any) -> (http_client.Response?, errors.Error?)",
    ),
    (
        "http_client.head",
        "(url: S, opts: any) -> (http_client.Response?, errors.Error?)",
    ),
    (
        "http_client.request",
        "(method: S, url: S, opts: any) -> (http_client.Response?, errors.Error?)",
    ),
    (
        "http_client.request_batch",
        "(table) -> ({[integer]: http_client.Response}, {[integer]: errors.Error}?)",
    ),
    ("http_client.encode_uri", "(S) -> string"),
    ("http_client.decode_uri", "(S) -> (string?, errors.Error?)"),
    // types (docs/types-runtime.md): the primitive type values.
    ("types.define", "(string, ...any) -> types.Type"),
    ("types.validate", "(types.Type, any) -> any"),
    ("types.is_type", "(any) -> boolean"),
    ("types.nil", "types.Type"),
    ("types.boolean", "types.Type"),
    ("types.number", "types.Type"),
    ("types.integer", "types.Type"),
    ("types.string", "types.Type"),
    ("types.any", "types.Type"),
    ("types.unknown", "types.Type"),
    ("types.never", "types.Type"),
    ("types.error", "types.Type"),
    ("types.table", "types.Type"),
    ("types.function", "types.Type"),
    ("types.thread", "types.Type"),
    ("types.userdata", "types.Type"),
];

/// What a named type of the runtime is (see `TYPES`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A native object with exactly these methods (`Ty::Object`).
    Object,
    /// A native object whose other names read as `any` (type values,
    /// whose record fields are reachable by name too).
    OpenObject,
    /// A plain type: a table the runtime builds (a record), or a union.
    Plain,
}

/// Named types of the runtime modules, usable in annotations by their
/// qualified name (`local f: io.File? = io.open(p)`). The bodies are in
/// the dialect's syntax, where `Self` is the type being declared (an
/// object's methods take it first, so `ch:send(v)` is `send(ch, v)`) and
/// a qualified name is an earlier entry: they come in dependency order.
pub const TYPES: &[(&str, Kind, &str)] = &[
    (
        "errors.Kind",
        Kind::Plain,
        "\"UNKNOWN\" | \"INVALID\" | \"NOT_FOUND\" | \"ALREADY_EXISTS\" | \"PERMISSION_DENIED\"
         | \"UNAVAILABLE\" | \"INTERNAL\" | \"CANCELED\" | \"CONFLICT\" | \"TIMEOUT\" | \"RATE_LIMITED\"",
    ),
    (
        "errors.Error",
        Kind::Object,
        "{kind: (Self) -> errors.Kind, message: (Self) -> string, retryable: (Self) -> boolean?,
          details: (Self) -> table?, stack: (Self) -> string?}",
    ),
    (
        "errors.CallStack",
        Kind::Plain,
        "{thread: string, frames: {{source: string, line: integer, name: string}}}",
    ),
    (
        "io.File",
        Kind::Object,
        "{close: (Self) -> (boolean?, string?, integer?),
          flush: (Self) -> (boolean?, string?, integer?),
          lines: (Self, ...N) -> (() -> any),
          read: (Self, ...N) -> ...any,
          seek: (Self, whence: (\"set\" | \"cur\" | \"end\")?, offset: integer?) -> (integer?, string?, integer?),
          setvbuf: (Self, mode: \"no\" | \"full\" | \"line\", size: integer?) -> boolean,
          write: (Self, ...S) -> (Self?, string?, integer?)}",
    ),
    (
        "debug.Info",
        Kind::Plain,
        "{source?: string, short_src?: string, linedefined?: integer, lastlinedefined?: integer,
          what?: string, currentline?: integer, name?: string, namewhat?: string, nups?: integer,
          nparams?: integer, isvararg?: boolean, istailcall?: boolean, func?: function,
          activelines?: {[integer]: boolean}}",
    ),
    // A select case: opaque, only for `channel.select`.
    ("channel.Case", Kind::Object, "{}"),
    (
        "channel.Channel",
        Kind::Object,
        "{send: (Self, value: any) -> boolean, receive: (Self) -> (any, boolean), close: (Self) -> (),
          case_send: (Self, value: any) -> channel.Case, case_receive: (Self) -> channel.Case}",
    ),
    (
        "channel.Selected",
        Kind::Plain,
        "{channel?: channel.Channel, value?: any, ok: boolean, default?: boolean}",
    ),
    (
        "process.Payload",
        Kind::Object,
        "{data: (Self) -> ...any, unmarshal: (Self) -> ...any, get_format: (Self) -> string}",
    ),
    (
        "process.Message",
        Kind::Object,
        "{topic: (Self) -> string, from: (Self) -> string?, payload: (Self) -> process.Payload}",
    ),
    (
        "process.Event",
        Kind::Plain,
        "{kind: string, type: string, from: string, result?: {value?: any, error?: errors.Error}, reason?: string}",
    ),
    (
        "process.Options",
        Kind::Plain,
        "{trap_links: boolean, upgradable: boolean}",
    ),
    ("time.Location", Kind::Object, "{string: (Self) -> string}"),
    (
        "time.Duration",
        Kind::Object,
        "{string: (Self) -> string, hours: (Self) -> number, minutes: (Self) -> number,
          seconds: (Self) -> number, milliseconds: (Self) -> integer,
          microseconds: (Self) -> integer, nanoseconds: (Self) -> integer}",
    ),
    (
        "time.Time",
        Kind::Object,
        "{string: (Self) -> string,
          add: (Self, d: number | string | time.Duration) -> Self,
          sub: (Self, t: Self) -> time.Duration,
          add_date: (Self, years: integer, months: integer, days: integer) -> Self,
          before: (Self, t: Self) -> boolean, after: (Self, t: Self) -> boolean,
          equal: (Self, t: Self) -> boolean,
          format: (Self, layout: S) -> string, format_rfc3339: (Self) -> string,
          unix: (Self) -> integer, unix_nano: (Self) -> integer,
          date: (Self) -> (integer, integer, integer), clock: (Self) -> (integer, integer, integer),
          year: (Self) -> integer, month: (Self) -> integer, day: (Self) -> integer,
          hour: (Self) -> integer, minute: (Self) -> integer, second: (Self) -> integer,
          nanosecond: (Self) -> integer, weekday: (Self) -> integer, year_day: (Self) -> integer,
          zone: (Self) -> (string, integer), is_zero: (Self) -> boolean,
          utc: (Self) -> Self, in_local: (Self) -> Self,
          in_location: (Self, loc: time.Location) -> Self, location: (Self) -> time.Location,
          round: (Self, d: time.Duration) -> Self, truncate: (Self, d: time.Duration) -> Self}",
    ),
    (
        "time.Timer",
        Kind::Object,
        "{response: (Self) -> channel.Channel, channel: (Self) -> channel.Channel,
          stop: (Self) -> boolean, reset: (Self, d: any) -> (boolean?, errors.Error?)}",
    ),
    ("sql.Rows", Kind::Plain, "{{[string]: any}}"),
    (
        "sql.Result",
        Kind::Plain,
        "{last_insert_id?: integer, rows_affected: integer}",
    ),
    (
        "sql.Stats",
        Kind::Plain,
        "{max_open_connections: integer, open_connections: integer, in_use: integer, idle: integer,
          wait_count: integer, wait_duration: integer, max_idle_closed: integer,
          max_idle_time_closed: integer, max_lifetime_closed: integer}",
    ),
    (
        "sql.Statement",
        Kind::Object,
        "{query: (Self, ...any) -> (sql.Rows?, errors.Error?),
          execute: (Self, ...any) -> (sql.Result?, errors.Error?),
          exec: (Self, ...any) -> (sql.Result?, errors.Error?),
          close: (Self) -> boolean}",
    ),
    (
        "sql.Tx",
        Kind::Object,
        "{db_type: (Self) -> string, type: (Self) -> string,
          query: (Self, sql: S, ...any) -> (sql.Rows?, errors.Error?),
          execute: (Self, sql: S, ...any) -> (sql.Result?, errors.Error?),
          exec: (Self, sql: S, ...any) -> (sql.Result?, errors.Error?),
          prepare: (Self, sql: S) -> (sql.Statement?, errors.Error?),
          commit: (Self) -> (boolean?, errors.Error?), rollback: (Self) -> (boolean?, errors.Error?),
          savepoint: (Self, name: S) -> (boolean?, errors.Error?),
          rollback_to: (Self, name: S) -> (boolean?, errors.Error?),
          release: (Self, name: S) -> (boolean?, errors.Error?)}",
    ),
    (
        "sql.DB",
        Kind::Object,
        "{type: (Self) -> string,
          query: (Self, sql: S, ...any) -> (sql.Rows?, errors.Error?),
          execute: (Self, sql: S, ...any) -> (sql.Result?, errors.Error?),
          exec: (Self, sql: S, ...any) -> (sql.Result?, errors.Error?),
          prepare: (Self, sql: S) -> (sql.Statement?, errors.Error?),
          begin: (Self, opts: table?) -> (sql.Tx?, errors.Error?),
          transaction: (Self, fn: (tx: sql.Tx) -> ...any) -> (any, errors.Error?),
          stats: (Self) -> sql.Stats, release: (Self) -> boolean, close: (Self) -> boolean}",
    ),
    (
        "http_client.Response",
        Kind::Plain,
        "{status_code: integer, body: string, body_size: integer, headers: {[string]: string},
          cookies: {[string]: string}, url: string, json: (Self) -> (any, errors.Error?)}",
    ),
    (
        "types.Type",
        Kind::OpenObject,
        "{is: (Self, value: any) -> (any, errors.Error?), kind: (Self) -> string,
          name: (Self) -> string, fields: (Self) -> any, field: (Self, name: any) -> Self?,
          elem: (Self) -> Self?, key: (Self) -> Self?, val: (Self) -> Self?, inner: (Self) -> Self?,
          variants: (Self) -> any, params: (Self) -> any, ret: (Self) -> Self?, value: (Self) -> any,
          json_schema: (Self) -> table}",
    ),
];

/// The modules `require` finds without a file: the standard libraries
/// (also globals) and the runtime's preloaded modules. A literal
/// `require("json")` gives the module's type (package.loaded and
/// package.preload come before any file on the path).
pub const MODULES: &[&str] = &[
    "coroutine",
    "table",
    "io",
    "os",
    "string",
    "math",
    "utf8",
    "debug",
    "package",
    "errors",
    "process",
    "channel",
    "time",
    "sql",
    "http_client",
    "json",
];

/// Of `MODULES`, those that are not globals: reachable only through
/// `require` (stdlib/src/package.rs `PRELOAD`).
pub const REQUIRE_ONLY: &[&str] = &["time", "sql", "http_client", "json"];
