-- hostile: a pcall loop that tries to swallow the budget error
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  while true do
    pcall(function() while true do end end)
  end
end }
