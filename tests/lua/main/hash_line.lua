# any first line starting with # is skipped
print("hash line skipped")
