-- hostile: memory nested 100 tables deep, past the limit of 64 (issue 14, findings 1 and 6);
-- 40 levels, within it, once crashed the writer at the next save.
return { api_version = 1, turn = function(view, act, memory)
  act.set_tariff("magnet", "all", 0.5)
  local t = memory
  for i = 1, 100 do t.next = {}; t = t.next end
end }
