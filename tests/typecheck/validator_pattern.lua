-- expect: error 4: local 'b': "Hello World" does not match @pattern("^[a-z0-9-]+$")
-- expect: error 7: field 'tags[2]': "b" does not match @pattern("^#")
type Slug = string @pattern("^[a-z0-9-]+$")
local a: Slug, b: Slug = "hello-world", "Hello World"
-- Unanchored unless the pattern anchors itself; a bad pattern is the run time's.
local c: string @pattern("[0-9]") = "abc1"
local e: {tags: {string @pattern("^#")}} = {tags = {"#a", "b"}}
print(a, b, c, e)
