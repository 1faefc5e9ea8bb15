-- hostile: a memory bomb: tables of 100000 values each, made without end (strings would be
-- charged to the budget for their bytes and run out of it first)
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local function bomb(...) local keep = {} while true do keep[#keep + 1] = { ... } end end
  bomb(table.unpack({}, 1, 100000))
end }
