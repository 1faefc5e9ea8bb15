-- hostile: turn returns garbage
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  return { "not", "an", "answer" }
end }
