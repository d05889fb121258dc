-- expect: error 3: local 'c': expected "c0" | "c1" | "c2" | ... (20 members), got "zz"
-- A wide union prints its first members and its size.
local c: "c0" | "c1" | "c2" | "c3" | "c4" | "c5" | "c6" | "c7" | "c8" | "c9" | "c10" | "c11" | "c12" | "c13" | "c14" | "c15" | "c16" | "c17" | "c18" | "c19" = "zz"
print(c)
