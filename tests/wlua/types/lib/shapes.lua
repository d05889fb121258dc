-- A module exporting types: `export type` declares a local like `type`;
-- the module makes it reachable at run time by returning it.
export type Point = {x: number, y: number}
export type Circle = {center: Point, r: number @min(0)}

local function area(c: Circle): number
  return math.pi * c.r * c.r
end

return {Point = Point, Circle = Circle, area = area}
