-- load_location (system zoneinfo), fixed_zone, DST.
local time = require("time")

local ny, err = time.load_location("America/New_York")
assert(ny and err == nil, tostring(err))
assert(ny:string() == "America/New_York")
local w = time.date(2024, 1, 15, 12, 0, 0, 0, ny)
local s = time.date(2024, 7, 15, 12, 0, 0, 0, ny)
assert(tostring(w) == "2024-01-15 12:00:00 -0500 EST", tostring(w))
assert(tostring(s) == "2024-07-15 12:00:00 -0400 EDT", tostring(s))
assert(w:utc():hour() == 17 and s:utc():hour() == 16)
-- a wall time in the spring-forward gap moves forward (Go)
assert(tostring(time.date(2024, 3, 10, 2, 30, 0, 0, ny)) == "2024-03-10 03:30:00 -0400 EDT")
-- converting keeps the instant
local tokyo = assert(time.load_location("Asia/Tokyo"))
local t = s:in_location(tokyo)
assert(t:equal(s) and t:format("2006-01-02 15:04 MST") == "2024-07-16 01:00 JST")
assert(t:location():string() == "Asia/Tokyo")

-- UTC and Local by name
assert(time.load_location("UTC") == time.utc)
assert(time.load_location("Local"):string() == "Local")

-- errors: unknown -> NOT_FOUND, empty -> INVALID
local l, e = time.load_location("Nowhere/Atlantis")
assert(l == nil and e:kind() == errors.NOT_FOUND and e:message() == "unknown time zone Nowhere/Atlantis")
l, e = time.load_location("")
assert(l == nil and e:kind() == errors.INVALID and e:message() == "empty location name")
assert(not pcall(time.load_location), "name required")

-- fixed zones, negative offsets
local f = time.fixed_zone("", -(9 * 3600 + 30 * 60))
local ft = time.date(2000, 1, 1, 0, 0, 0, 0, f)
assert(ft:format(time.RFC3339) == "2000-01-01T00:00:00-09:30")
assert(ft:format("MST") == "-0930", "no name: numeric zone")
print("OK")
