local n: integer = 1.5          --! E0001 local 'n': expected integer, got number
local s: string = 42            --! E0001 local 's': expected string, got integer
local ok: boolean = 1 < 2
local f: number = 1 / 2
local g: integer = 7 // 2
local h: integer = 7 / 2        --! E0001 local 'h': expected integer, got number
local bits: integer = 6 & 3
local none: number = nil        --! E0001 expected number, got nil
local opt: number? = nil
local t: {string} = {"a", 2}    --! E0001 element #2: expected string, got integer
local m: {[string]: boolean} = {verbose = true, quiet = 1}  --! E0001 field 'quiet': expected boolean, got integer
