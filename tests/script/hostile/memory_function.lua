-- hostile: a function left in memory, which no save can keep (issue 14, finding 6): the turn
-- fails (its orders are discarded) and the memory is as before; the game goes on and saves.
return { api_version = 1, turn = function(view, act, memory)
  act.set_tariff("magnet", "all", 0.5)
  memory.f = print
end }
