-- hostile: a string pattern that backtracks for a very long time inside C
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local s = string.rep("a", 30000)
  return s:find(".-.-.-.-.-.-.-.-b") and true
end }
