-- hostile: a finalizer that loops (stock Lua runs finalizers with hooks off)
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  for i = 1, 100 do
    setmetatable({}, { __gc = function() while true do end end })
  end
end }
