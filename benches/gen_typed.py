#!/usr/bin/env python3
"""Writes a generated typed-dialect project for timing `wlua check`.

usage: gen_typed.py OUT_DIR LINES [FILES]
Each file repeats a ~40-line unit (records, tagged unions, annotated and
unannotated functions, narrowing, loops, calls into the standard library)
with fresh names, so the total is LINES lines over FILES files.
"""
import os
import sys

UNIT = '''type Item{i} = {{sku: string, quantity: integer, price: number?}}
type Event{i} = {{kind: "add", item: Item{i}}} | {{kind: "remove", sku: string}}
local function total{i}(items: {{Item{i}}}): number
  local sum = 0
  for _, it in ipairs(items) do
    if it.price then
      sum = sum + it.price * it.quantity
    end
  end
  return sum
end
local function apply{i}(stock: {{[string]: integer}}, ev: Event{i}): integer
  if ev.kind == "add" then
    local q = stock[ev.item.sku] or 0
    stock[ev.item.sku] = q + ev.item.quantity
    return q + ev.item.quantity
  end
  local old = stock[ev.sku]
  if old == nil then return 0 end
  stock[ev.sku] = nil
  return old
end
local function label{i}(x: number | string | nil): string
  if x == nil then return "none" end
  if type(x) == "string" then return x:upper() end
  return string.format("%.2f", x)
end
local function plain{i}(a, b)
  local t = {{}}
  for k = 1, 10 do t[#t + 1] = a * k + b end
  return table.concat(t, ",")
end
local stock{i}: {{[string]: integer}} = {{}}
local items{i}: {{Item{i}}} = {{{{sku = "a{i}", quantity = 2, price = 1.5}}, {{sku = "b{i}", quantity = 1}}}}
apply{i}(stock{i}, {{kind = "add", item = items{i}[1]}})
apply{i}(stock{i}, {{kind = "remove", sku = "b{i}"}})
print(total{i}(items{i}), label{i}(3), label{i}("x"), plain{i}(1, 2))
'''

def main():
    out, lines = sys.argv[1], int(sys.argv[2])
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(out, exist_ok=True)
    unit_lines = UNIT.count("\n")
    units = max(1, lines // unit_lines)
    per_file = max(1, units // files)
    n = 0
    for f in range(files):
        with open(os.path.join(out, f"m{f:03}.lua"), "w") as fh:
            for _ in range(per_file):
                fh.write(UNIT.format(i=n))
                n += 1

main()
