//! Built-in signatures: the Lua 5.3 standard library (and the runtime's
//! globals) written in the dialect's own type syntax, parsed once per run
//! by the wlua parser and resolved like user aliases.
//!
//! Where the reference coerces (a number where a string is expected in the
//! string library, a string in `math`), the signature accepts both: a
//! signature may only reject what fails at run time. Functions whose result
//! depends on their arguments in ways the syntax cannot say (`type`,
//! `assert`, `error`, `setmetatable`, `pairs`, `ipairs`, `select`, `pcall`)
//! are given a signature here for arity and arguments, and infer.rs
//! special-cases their results and narrowing.

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
    ("string.find", "(S, S, integer?, boolean?) -> (integer?, integer?, ...any)"),
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
    ("table.move", "(table, integer, integer, integer, table?) -> table"),
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
    ("math.pi", "number"),
    ("math.huge", "number"),
    ("math.maxinteger", "integer"),
    ("math.mininteger", "integer"),
    ("os.time", "(table?) -> integer"),
    ("os.clock", "() -> number"),
    ("os.date", "(string?, integer?) -> any"),
    ("os.getenv", "(string) -> string?"),
    ("os.exit", "(any?, boolean?) -> never"),
    ("os.remove", "(string) -> (boolean?, string?)"),
    ("os.rename", "(string, string) -> (boolean?, string?)"),
    ("os.tmpname", "() -> string"),
    ("os.difftime", "(integer, integer?) -> number"),
    ("os.execute", "(string?) -> (boolean?, string?, integer?)"),
    ("io.write", "(...S) -> any"),
    ("io.read", "(...any) -> ...any"),
    ("io.lines", "(string?, ...any) -> any"),
    ("io.open", "(string, string?) -> (any, string?)"),
    ("io.close", "(any?) -> ()"),
    ("io.stdout", "any"),
    ("io.stderr", "any"),
    ("io.stdin", "any"),
    ("coroutine.create", "(function) -> thread"),
    ("coroutine.resume", "(thread, ...any) -> (boolean, ...any)"),
    ("coroutine.yield", "(...any) -> ...any"),
    ("coroutine.status", "(thread) -> string"),
    ("coroutine.wrap", "(function) -> any"),
    ("coroutine.isyieldable", "() -> boolean"),
    ("coroutine.running", "() -> (thread, boolean)"),
    ("utf8.char", "(...integer) -> string"),
    ("utf8.charpattern", "string"),
    ("utf8.codepoint", "(S, integer?, integer?) -> ...integer"),
    ("utf8.len", "(S, integer?, integer?) -> (integer?, integer?)"),
    ("utf8.offset", "(S, integer, integer?) -> integer?"),
    ("utf8.codes", "(S) -> any"),
];

/// Library tables whose fields are not all listed: an unlisted field is
/// `any` rather than an error (the runtime's own modules grow faster than
/// this table).
pub const OPEN_LIBRARIES: &[&str] = &[
    "io", "os", "debug", "package", "process", "channel", "json", "errors", "time",
];
