-- get_options / set_options, and the seed functions wlua does not support
-- (they return nil, err; none silently succeeds).
local o = process.get_options()
assert(type(o) == "table")
assert(o.trap_links == false and o.upgradable == false, "defaults")
-- the returned table is a copy: changing it changes nothing
o.trap_links = true
assert(process.get_options().trap_links == false)

assert(process.set_options({trap_links = true}) == true)
assert(process.get_options().trap_links == true)
assert(process.set_options({}) == true, "empty table: no change")
assert(process.get_options().trap_links == true)
assert(process.set_options({trap_links = false}) == true)
assert(process.get_options().trap_links == false)

local ok, err = process.set_options({trap_links = "yes"})
assert(ok == nil and err:kind() == errors.INVALID, "non-boolean trap_links: " .. tostring(err))
ok, err = process.set_options({upgradable = true})
assert(ok == nil and err:kind() == errors.INVALID, "upgradable unsupported: " .. tostring(err))
assert(process.set_options({upgradable = false}) == true)
assert(not pcall(process.set_options, "x"), "set_options needs a table")

-- options are per process: a child starts with the defaults
process.set_options({trap_links = true})
local child = process.exec(function() return process.get_options().trap_links end)
assert(child == false, "child's trap_links is false")

-- unsupported seed functions (called through constant field names)
local function unsupported(name, r, e)
  assert(r == nil and e ~= nil, name .. " returns nil, err")
  assert(e:kind() == errors.INVALID, name .. " kind: " .. tostring(e))
  assert(e:message():find("not supported", 1, true), e:message())
end
unsupported("upgrade", process.upgrade(nil))
unsupported("with_context", process.with_context({}))
unsupported("with_options", process.with_options({}))
