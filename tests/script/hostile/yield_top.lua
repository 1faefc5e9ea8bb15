-- hostile: yield out of the turn itself
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  coroutine.yield()
end }
