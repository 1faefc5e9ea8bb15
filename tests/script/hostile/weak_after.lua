-- hostile: a weak table made by writing __mode into a metatable after setmetatable, which Lua
-- honours at every collection (issue 14, finding 12): the write must be refused.
return { api_version = 1, turn = function(view, act)
  local mt = {}
  local cache = setmetatable({}, mt)
  act.set_tariff("magnet", "all", 0.5)
  mt.__mode = "k"
  for i = 1, 1000 do cache[{}] = i end
end }
