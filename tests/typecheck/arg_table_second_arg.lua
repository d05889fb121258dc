-- expect: error 5: argument #2 of 'M.move': field 'y': expected number, got boolean
local M = {}
function M.move(id: string, to: {x: number, y: number}) print(id, to.x) end
M.move("a", {x = 1, y = 2})
M.move("b", {x = 1, y = true})
