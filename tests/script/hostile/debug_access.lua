-- hostile: the debug library
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  debug.sethook()
end }
