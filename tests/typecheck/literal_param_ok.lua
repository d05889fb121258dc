-- expect: ok
local function move(d: "up" | "down")
  print(d)
end
move("down")
