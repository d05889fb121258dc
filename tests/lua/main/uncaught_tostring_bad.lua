-- __tostring that does not return a string: the generic message is used
error(setmetatable({}, { __tostring = function() return 42 end }))
