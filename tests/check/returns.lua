local function a(): integer return "x" end          --! E0004 return value: expected integer, got string
local function b(): (integer, string) return 1 end  --! E0004 missing return value #2: expected string
local function c(): integer return 1, 2 end         --! E0004 too many return values: expected 1, got 2
local function d(x: boolean): integer
  if x then return 1 end
end                                                 --! E0010 function can reach its end
local function e(): never error("no") end
local function f(x: boolean): string
  if x then return "y" else return "n" end
end
local function inferred() return "s" end
local n: integer = inferred()                       --! E0001 local 'n': expected integer, got string
local function pair() return 1, "a" end
local p: integer, q: string = pair()
local r: string, s: integer = pair()                --! E0001 local 'r': expected string, got integer --! E0001 local 's': expected integer, got string
