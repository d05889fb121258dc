-- An uncaught error value ends the program with status 1, shown through __tostring.
-- expect-status: 1
-- expect-stderr: fatal [INTERNAL]
error(errors.new({message = "fatal", kind = errors.INTERNAL}))
