-- hostile: load of a string.dump (a binary chunk)
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local f = load(string.dump(function() return 1 end), "x", "b")
end }
