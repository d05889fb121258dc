-- Time, Duration and Location objects (spec/modules.md §4.1-4.3).
local time = require("time")

-- constants
assert(time.RFC3339 == "2006-01-02T15:04:05Z07:00" and time.DATE_ONLY == "2006-01-02")
assert(time.KITCHEN == "3:04PM" and time.STAMP_MILLI == "Jan _2 15:04:05.000")
assert(time.JANUARY == 1 and time.DECEMBER == 12 and time.SUNDAY == 0 and time.SATURDAY == 6)
assert(tostring(time.utc) == "UTC" and time.localtz:string() == "Local")

-- now: local zone, monotonic reading, increasing
local a = time.now()
local b = time.now()
assert(not b:before(a) and a:sub(b):nanoseconds() <= 0)
assert(a:location():string() == "Local")
assert(a:unix() > 1500000000)

-- date, in a fixed zone and UTC
local z = time.fixed_zone("XST", 3 * 3600 + 30 * 60)
assert(z:string() == "XST" and tostring(z) == "XST")
local t = time.date(2024, 2, 29, 13, 4, 5, 123456789, z)
assert(tostring(t) == "2024-02-29 13:04:05.123456789 +0330 XST", tostring(t))
assert(t:unix() == 1709199245 - 0, t:unix())
assert(t:unix_nano() == 1709199245123456789)
local y, m, d = t:date()
assert(y == 2024 and m == 2 and d == 29)
local h, mi, s = t:clock()
assert(h == 13 and mi == 4 and s == 5)
assert(t:year() == 2024 and t:month() == 2 and t:day() == 29 and t:hour() == 13)
assert(t:minute() == 4 and t:second() == 5 and t:nanosecond() == 123456789)
assert(t:weekday() == time.THURSDAY and t:year_day() == 60)
local zn, off = t:zone()
assert(zn == "XST" and off == 12600)
assert(t:utc():hour() == 9 and t:utc():minute() == 34 and t:utc():location() == time.utc)
assert(t:in_location(time.utc):equal(t) and t:utc() == t, "same instant")

-- normalisation like Go's Date
local n = time.date(2023, 13, 32, 25, 61, 61, 1000000001, time.utc)
assert(n:format(time.RFC3339NANO) == "2024-02-02T02:02:02.000000001Z", n:format(time.RFC3339NANO))
assert(time.date(2024, 3, 0, 0, 0, 0, 0, time.utc):day() == 29, "day 0 is the last of the month before")
assert(time.date(2024, 1, 1, 0, 0, -1, 0, time.utc):year() == 2023)

-- unix
local u = time.unix(0, 0):utc()
assert(u:format(time.DATE_TIME) == "1970-01-01 00:00:00")
assert(time.unix(1, -1):unix_nano() == 999999999)
assert(time.unix(-1, 0):utc():year() == 1969)

-- add, sub, add_date with numbers, strings and Durations
local base = time.date(2020, 1, 31, 12, 0, 0, 0, time.utc)
assert(base:add(time.HOUR):hour() == 13)
assert(base:add("90m"):format("15:04") == "13:30")
assert(base:add(time.parse_duration("-1h")):hour() == 11)
assert(base:add(1.6):nanosecond() == 2, "floats round")
assert(base:add_date(0, 1, 0):format(time.DATE_ONLY) == "2020-03-02", "Jan 31 + 1 month normalises")
assert(base:add_date(1, 0, 1):format(time.DATE_ONLY) == "2021-02-01")
assert(base:add_date(0, 0, -31):format(time.DATE_ONLY) == "2019-12-31")
local diff = base:add("1h30m45s500ms"):sub(base)
assert(type(diff) == "userdata" and diff:nanoseconds() == 5445500000000)
assert(diff:hours() == 1.5126388888888888 and diff:seconds() == 5445.5)
assert(diff:minutes() == 90.75833333333334 and diff:milliseconds() == 5445500)
assert(diff:microseconds() == 5445500000)
assert(tostring(diff) == "1h30m45.5s" and diff:string() == "1h30m45.5s")
assert(not pcall(base.add, base, "bogus"), "a bad duration raises")

-- comparisons
local later = base:add(1)
assert(base:before(later) and later:after(base) and not base:after(later))
assert(base < later and base <= later and not (later < base))
assert(base:equal(base:add(0)) and base == base:in_local())
assert(base ~= later)

-- zero time
local zero = time.date(1, 1, 1, 0, 0, 0, 0, time.utc)
assert(zero:is_zero() and not base:is_zero())
assert(zero:format(time.RFC3339) == "0001-01-01T00:00:00Z")

-- round and truncate need a Duration object
local r = time.date(2020, 1, 1, 10, 29, 30, 0, time.utc)
local hour = time.parse_duration("1h")
assert(r:truncate(hour):format("15:04:05") == "10:00:00")
assert(r:round(hour):format("15:04:05") == "10:00:00")
assert(r:add("1s"):round(time.parse_duration("1m")):format("15:04:05") == "10:30:00")
assert(r:round(time.parse_duration("1m")):format("15:04:05") == "10:30:00", "halfway rounds up")
assert(r:round(time.parse_duration(0)) == r, "d <= 0: unchanged")
assert(not pcall(r.round, r, time.HOUR), "round refuses a number")
assert(not pcall(r.truncate, r, "1h"), "truncate refuses a string")

-- Durations: constructors, arithmetic, comparison, Go's String
local d1 = time.parse_duration("1.5s")
assert(time.parse_duration(d1) == d1, "a Duration passes through")
assert((d1 + d1):seconds() == 3.0 and (d1 - "1s"):milliseconds() == 500)
assert((-d1):nanoseconds() == -1500000000)
assert(d1 < time.parse_duration("2s") and d1 <= d1)
assert(tostring(time.parse_duration(0)) == "0s")
assert(tostring(time.parse_duration("1h")) == "1h0m0s")
assert(tostring(time.parse_duration("1.5ms")) == "1.5ms")
assert(tostring(time.parse_duration("2us")) == "2µs")
assert(tostring(time.parse_duration("-3m4s")) == "-3m4s")
assert(tostring(time.parse_duration(7)) == "7ns")
-- Durations work wherever a duration is accepted
time.sleep(time.parse_duration("1ms"))
assert(type(time.after(time.parse_duration("1ms")):receive()) == "userdata")

-- argument checks raise
assert(not pcall(time.date, 2020), "date needs all fields")
assert(not pcall(time.date, 2020, 1, 1, 0, 0, 0, 0, "UTC"), "loc must be a Location")
assert(not pcall(t.in_location, t, "UTC"))
assert(not pcall(t.format, {}, "x"))
print("OK")
