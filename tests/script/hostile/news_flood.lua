-- hostile: view.news() called without end, each call building a table of every item in C
-- (issue 14, finding 5): the C side's work is charged, so the budget stops it, the same way
-- in every run, long before the wall clock would.
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  while true do local items = view.news(0) end
end }
