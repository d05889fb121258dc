-- Every annotation form of the typed dialect; checks clean and runs.
type Id = string
type Pair<A, B> = {left: A, right: B}
export type Shape = {kind: "circle", r: number} | {kind: "rect", w: number, h: number}
type F = (number, string) -> boolean
type G = (...number) -> (string, integer)
type M = {[string]: boolean}
type R = {name: string, age?: integer}
type O = number? | false | 1 | -2.5 | "lit"
type I = {a: number} & {b: string}
type Fn = function
local x: number = 1
local a: integer, b: string = 1, "s"
local function first<T>(xs: {T}, ...: number): T?
  return xs[1]
end
local function two(): (string, integer)
  return "a", 1
end
function fail(msg: string): never
  error(msg)
end
local p: Pair<Id, integer> = {left = "k", right = 2}
local y = (x :: any)
local z = x as number
local q: typeof(x) = 3
local w: F = function(n, s) return n > 0 end
local i: I = {a = 1, b = "b"}
print(x, a, b, first({5}), two(), y, z, q, w(1, "s"), p.left, i.b)
