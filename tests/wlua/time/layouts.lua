-- Go-style layouts: format and parse (reference time Mon Jan 2 15:04:05 MST 2006).
local time = require("time")
local mst = time.fixed_zone("MST", -7 * 3600)
local ref = time.date(2006, 1, 2, 15, 4, 5, 123456789, mst)

local cases = {
  {time.RFC3339, "2006-01-02T15:04:05-07:00"},
  {time.RFC3339NANO, "2006-01-02T15:04:05.123456789-07:00"},
  {time.RFC822, "02 Jan 06 15:04 MST"},
  {time.RFC822Z, "02 Jan 06 15:04 -0700"},
  {time.RFC850, "Monday, 02-Jan-06 15:04:05 MST"},
  {time.RFC1123, "Mon, 02 Jan 2006 15:04:05 MST"},
  {time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 -0700"},
  {time.DATE_TIME, "2006-01-02 15:04:05"},
  {time.DATE_ONLY, "2006-01-02"},
  {time.TIME_ONLY, "15:04:05"},
  {time.KITCHEN, "3:04PM"},
  {time.STAMP, "Jan  2 15:04:05"},
  {time.STAMP_MILLI, "Jan  2 15:04:05.123"},
  {time.STAMP_MICRO, "Jan  2 15:04:05.123456"},
  {time.STAMP_NANO, "Jan  2 15:04:05.123456789"},
  {"January Monday 1 _2 002 __2 3 03 pm", "January Monday 1  2 002   2 3 03 pm"},
  {"Z07:00:00 -07 -070000 Z0700", "-07:00:00 -07 -070000 -0700"},
  {"05.000 05,999 .9 .999999999", "05.123 05,123 .1 .123456789"},
}
for _, c in ipairs(cases) do
  local got = ref:format(c[1])
  assert(got == c[2], c[1] .. ": " .. got)
end
assert(ref:format_rfc3339() == "2006-01-02T15:04:05-07:00")
assert(ref:utc():format("Z07:00") == "Z")
assert(ref:format("no tokens here") == "no tokens here")

-- parse: round trips through each standard layout
local p, err = time.parse(time.RFC3339NANO, "2006-01-02T15:04:05.123456789-07:00")
assert(p and p:equal(ref), tostring(err))
assert(p:format(time.RFC3339NANO) == "2006-01-02T15:04:05.123456789-07:00")
p = assert(time.parse(time.RFC3339, "2021-12-31T23:59:59Z"))
assert(p:location() == time.utc and p:unix() == 1640995199)
p = assert(time.parse(time.RFC3339, "2021-12-31T23:59:59.5+01:00"))
assert(p:nanosecond() == 500000000 and p:utc():hour() == 22, "fraction after seconds")
p = assert(time.parse(time.RFC1123, "Mon, 02 Jan 2006 15:04:05 UTC"))
assert(p:location() == time.utc)
p = assert(time.parse(time.RFC1123, "Mon, 02 Jan 2006 15:04:05 PST"))
local zn, off = p:zone()
assert(zn == "PST" and off == 0, "unknown abbreviation: offset 0, name kept")
p = assert(time.parse(time.KITCHEN, "12:30AM"))
assert(p:hour() == 0 and p:year() == 0 and p:month() == 1 and p:day() == 1)
p = assert(time.parse(time.KITCHEN, "1:05PM"))
assert(p:hour() == 13 and p:minute() == 5)
p = assert(time.parse("Jan _2 2006", "feb  3 2010"))
assert(p:month() == 2 and p:day() == 3, "month names ignore case")
p = assert(time.parse("2006 002", "2024 060"))
assert(p:month() == 2 and p:day() == 29, "day of year")
p = assert(time.parse("06-1-2", "69-3-4"))
assert(p:year() == 1969)
p = assert(time.parse("06-1-2", "68-3-4"))
assert(p:year() == 2068)

-- a location for values without a zone
local ny = assert(time.load_location("America/New_York"))
p = assert(time.parse(time.DATE_TIME, "2024-07-01 12:00:00", ny))
assert(tostring(p) == "2024-07-01 12:00:00 -0400 EDT", tostring(p))
p = assert(time.parse("2006-01-02 15:04 MST", "2024-01-01 12:00 EST", ny))
assert(p:utc():hour() == 17, "abbreviation known to the location")
p = assert(time.parse(time.RFC3339, "2024-07-01T12:00:00-04:00", ny))
assert(p:location() == ny, "offset matching the location keeps it")

-- failures: nil, INVALID with Go's wording
local function bad(layout, value, msg)
  local t, e = time.parse(layout, value)
  assert(t == nil and e:kind() == errors.INVALID, value)
  assert(e:message() == msg, "got: " .. e:message() .. "\nwant: " .. msg)
end
bad(time.RFC3339, "2006-01-02", 'parsing time "2006-01-02" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"')
bad(time.DATE_ONLY, "06-01-02", 'parsing time "06-01-02" as "2006-01-02": cannot parse "06-01-02" as "2006"')
bad(time.DATE_ONLY, "2006-13-02", 'parsing time "2006-13-02": month out of range')
bad(time.DATE_ONLY, "2023-02-29", 'parsing time "2023-02-29": day out of range')
bad(time.TIME_ONLY, "24:00:00", 'parsing time "24:00:00": hour out of range')
bad(time.TIME_ONLY, "23:60:00", 'parsing time "23:60:00": minute out of range')
bad(time.TIME_ONLY, "23:00:61", 'parsing time "23:00:61": second out of range')
bad(time.KITCHEN, "13:00PM", 'parsing time "13:00PM": hour out of range')
bad(time.KITCHEN, "1:00XM", 'parsing time "1:00XM" as "3:04PM": cannot parse "XM" as "PM"')
bad(time.DATE_ONLY, "2006-01-02 extra", 'parsing time "2006-01-02 extra": extra text: " extra"')
bad(time.RFC1123, "Mon, 02 Foo 2006 15:04:05 MST", 'parsing time "Mon, 02 Foo 2006 15:04:05 MST" as "Mon, 02 Jan 2006 15:04:05 MST": cannot parse "Foo 2006 15:04:05 MST" as "Jan"')
bad("2006 002", "2023 366", 'parsing time "2023 366": day-of-year out of range')
bad("", "x", 'parsing time "x": extra text: "x"')
assert(not pcall(time.parse, time.RFC3339), "value required")
print("OK")
