-- hostile: a table with a metatable in memory (issue 14, finding 6).
return { api_version = 1, turn = function(view, act, memory)
  act.set_tariff("magnet", "all", 0.5)
  memory.obj = setmetatable({}, { __index = function() return 1 end })
end }
