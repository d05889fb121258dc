-- no trailing newline
print("last line") -- final comment