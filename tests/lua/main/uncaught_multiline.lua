-- a message with embedded newlines is printed as is
error("first line\nsecond line\n\tindented third")
