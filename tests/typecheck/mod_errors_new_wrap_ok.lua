-- expect: ok
local function load(id: string): (table?, error?)
  if id == "" then
    return nil, errors.new({message = "id required", kind = errors.INVALID, details = {field = "id"}})
  end
  return nil, errors.new(errors.NOT_FOUND, "no row " .. id)
end
local row, err = load("7")
local wrapped = errors.wrap(err, "load 7")
if wrapped then
  local kind: errors.Kind = wrapped:kind()
  local retry: boolean? = wrapped:retryable()
  print(kind, retry, wrapped:details(), "failed: " .. wrapped)
end
print(row, errors.is(err, errors.NOT_FOUND), errors.call_stack(err))
