-- hostile: a coroutine created when the file loads, resumed in turn to loop
local co = coroutine.create(function() while true do end end)
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  while true do coroutine.resume(co) end
end }
