-- hostile: an 8 MiB string concatenated again and again, a copy of 8 MiB for one instruction
-- (issue 14, finding 5): making a long string is charged for its bytes, so the budget stops
-- it, the same way in every run, long before the wall clock would.
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local s = string.rep(string.rep("x", 1024), 8192)
  while true do local t = s .. "y" end
end }
