-- an error object without __tostring
print("raising a table")
error({ code = 1 })
