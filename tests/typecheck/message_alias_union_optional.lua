-- expect: error 5: argument #1 of 'paint': expected Color?, got 5
-- An alias with nil added prints as the alias, optional.
type Color = "red" | "green" | "blue"
local function paint(c: Color?) print(c) end
paint(5)
