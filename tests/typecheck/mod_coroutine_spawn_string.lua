-- expect: error 2: argument #1 of 'coroutine.spawn': expected function, got string
coroutine.spawn("worker", 1)
