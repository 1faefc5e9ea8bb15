-- hostile: an infinite loop in turn
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  while true do end
end }
