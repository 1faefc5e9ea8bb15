-- hostile: a table that holds itself in memory, a cycle no save can keep (issue 14, finding 6).
return { api_version = 1, turn = function(view, act, memory)
  act.set_tariff("magnet", "all", 0.5)
  memory.loop = { }
  memory.loop.again = memory.loop
end }
