-- expect: error 5: argument #2 of 'tag': "abcd" (length 4) is longer than @max_len(3)
local function tag(id: integer, code: string? @max_len(3)): string
  return tostring(id) .. (code or "")
end
print(tag(1, "abcd"), tag(2, nil), tag(3, "abc"))
