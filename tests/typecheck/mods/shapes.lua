-- A module required by fixtures: its returned table holds type values.
export type Circle = {r: number}
type Square = {side: number}
export type Hidden = {hidden: boolean}
local M = {}
M.Circle = Circle
M.Square = Square
function M.unit(): Circle return {r = 1} end
return M
