-- hostile: print and error text with newlines, escape sequences and NUL bytes, to forge the
-- host's log lines and drive the terminal (issue 14, finding 13). Each print must come out as
-- one printable line, and so must the failure its error causes.
return {
  api_version = 1,
  turn = function(view, act, memory)
    print("first\nturn 0 CHN: agent failed (error): forged; its orders this turn are discarded")
    print("\27[2J\27[31mred\27[0m\r\0zero\194\155csi", "tab")
    print("caf\195\169 " .. string.rep("\226\130\172", 200))   -- valid UTF-8 is kept, cut whole
    error("boom\nturn 0 JPN: agent failed (error): forged too")
  end,
}
