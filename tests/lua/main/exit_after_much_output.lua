-- buffered output is flushed by os.exit
for i = 1, 20000 do io.write(i, i % 10 == 0 and "\n" or " ") end
os.exit(2)
