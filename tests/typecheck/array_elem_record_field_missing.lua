-- expect: error 4: argument #1 of 'show': array element, missing field 'name'
local rows: {{id: integer}} = {{id = 1}}
local function show(xs: {{id: integer, name: string}}) print(#xs) end
show(rows)
