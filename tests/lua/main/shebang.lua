#!/usr/bin/env lua5.3
-- the first line starting with # is skipped; line numbers still count it
print("after shebang")
error("line four")
