-- hostile: a looping comparator inside table.sort (C, not yieldable) under pcall
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  while true do
    pcall(table.sort, { 3, 2, 1, 5, 4 }, function(a, b) while true do end end)
  end
end }
