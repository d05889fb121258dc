-- calling the utf8.codes iterator directly with unusual control values
local f = utf8.codes("a\u{E9}b")
local function call(...) print(pcall(f, ...)) end
call("a\u{E9}b", 0)
call("a\u{E9}b", 1)
call("a\u{E9}b", 2)
call("a\u{E9}b", 3)
call("a\u{E9}b", 4)
call("a\u{E9}b", 5)
call("a\u{E9}b", 100)
call("a\u{E9}b", -5)
call("a\u{E9}b", 2.5)
call("a\u{E9}b", "2")
call("a\u{E9}b", nil)
call("a\u{E9}b")
call("\x80\x80a", 0)
call("a\x80", 0)
call("a\x80b", 1)
call(42, 0)
call(nil, 0)
-- the iterator is shared: the same function for every string
print(utf8.codes("x") == utf8.codes("y"))
print "OK"
