-- A module exporting generic aliases (required by module_generic_*.lua).
export type Box<T> = {value: T}
export type Pair<A, B> = {first: A, second: B}
local M = {}
function M.new(v: integer): Box<integer> return {value = v} end
return M
