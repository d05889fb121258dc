-- A module that returns one function (entry id without ":name").
return function(parent, x)
  process.send(parent, "single", x * 2)
  return x * 2
end
