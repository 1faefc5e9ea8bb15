-- hostile: load of a hand-made binary chunk
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local f, err = load("\27Lua\84\0\25\147\13\10\26\10", "x", "bt")
  if not f then error(err) end
end }
