-- hostile: an xpcall whose message handler loops (stock Lua runs handlers with hooks off)
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  while true do
    xpcall(function() while true do end end, function() while true do end end)
  end
end }
