-- a number error value is converted to a string
error(42)
