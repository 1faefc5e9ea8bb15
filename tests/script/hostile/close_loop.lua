-- hostile: a to-be-closed variable whose __close loops, closed by a killed coroutine.wrap
local closer = setmetatable({}, { __close = function() while true do end end })
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local f = coroutine.wrap(function()
    local x <close> = closer
    table.sort({ 3, 2, 1 }, function() while true do end end)
  end)
  while true do pcall(f) end
end }
