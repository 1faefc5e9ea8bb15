-- hostile: memory that cannot be saved is fine to play with, but a function in memory is not plain data
return { api_version = 1, turn = function(view, act, memory)
  memory.f = print
  act.set_tariff("magnet", "all", 0.5)
  error("and then an error")
end }
