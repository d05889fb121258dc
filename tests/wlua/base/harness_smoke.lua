-- The runtime harness itself: a self-checking script that prints to stdout.
-- expect-stdout: harness ok
assert(1 + 1 == 2)
print("harness ok")
