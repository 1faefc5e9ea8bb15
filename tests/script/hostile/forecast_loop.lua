-- hostile: view.forecast called without end, each call playing a copy of the world forward in C
-- (issue 22): the forecast is charged before it plays, by the quarters it plays, so the budget
-- stops the loop and fails this agent's turn only, the same way in every run, and the world
-- never changes (the orders it queued first are withdrawn with the failed turn).
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  while true do local f = view.forecast({ { order = "set_tariff", good = "magnet", origin = "CHN", rate = 0.2 } }, 8) end
end }
