-- hostile: table.move over a huge empty range (stock move loops in C)
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  table.move({}, 1, 1 << 40, 1, {})
end }
