-- spec/types.md §6.2 (run time), with its expected results as asserts.
type Reading = {sensor: string @min_len(1), value: number @min(-50) @max(150), unit?: "C" | "F"}

local ok1, e1 = Reading:is({sensor = "t1", value = 21.5})
assert(type(ok1) == "table" and e1 == nil)
local ok2, e2 = Reading:is({sensor = "", value = 21.5})
assert(ok2 == nil and e2:message() == "sensor: expected length >= 1, got length 0")
local ok3, e3 = Reading:is({sensor = "t1", value = 20, unit = "K"})
assert(ok3 == nil and e3:message() == 'unit: expected "C" | "F", got "K"')

local input = {sensor = "t2", value = 99}
assert(Reading(input) == input)
local s, err = pcall(Reading, {value = 3})
assert(s == false and err:message() == "sensor: expected string, got nil")

assert(Reading:kind() == "record")
assert(Reading:name() == "Reading")
local fields = {}
for name, ft in Reading:fields() do fields[#fields + 1] = name .. " " .. ft:kind() end
assert(table.concat(fields, "\n") == "sensor string\nvalue number\nunit optional")
assert(Reading.unit:inner():kind() == "union")
local vs = {}
for v in Reading.unit:inner():variants() do vs[#vs + 1] = tostring(v) end
assert(table.concat(vs, "\n") == "C\nF")
assert(Integer <= Number and not (Number <= Integer) and Integer < Number)

local by_type = {[String] = "text", [Number] = "numeric"}
assert(by_type[typeof("hi")] == "text")
assert(by_type[typeof(1.5)] == "numeric")

-- §5.6: typeof of declared variables
local arr: {number} = {}
assert(typeof(arr):elem():kind() == "number")
local opt: number? = nil
assert(typeof(opt):kind() == "optional")
