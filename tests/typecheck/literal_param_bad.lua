-- expect: error 5: argument #1 of 'move': expected "up" | "down", got "sideways"
local function move(d: "up" | "down")
  print(d)
end
move("sideways")
