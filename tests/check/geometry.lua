-- A module required by uses_module.lua: its return value and exported
-- types are what requirers see.
export type Point = {x: number, y: number}

local M = {}

function M.dist(a: Point, b: Point): number
  return math.sqrt((a.x - b.x) ^ 2 + (a.y - b.y) ^ 2)
end

function M.origin(): Point
  return {x = 0, y = 0}
end

return M
