-- hostile: 100000 values shuffled through C functions without end (select, math.max,
-- string.char): their work grows with the values they take, and is charged (issue 14,
-- finding 5).
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local t = {}
  for i = 1, 100000 do t[i] = 65 end
  local function spin(...)
    while true do
      local n = select("#", ...)
      local m = math.max(...)
      local s = string.char(...)
    end
  end
  spin(table.unpack(t))
end }
