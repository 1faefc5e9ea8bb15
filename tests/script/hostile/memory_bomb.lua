-- hostile: a memory bomb
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local s = "x"
  while true do s = s .. s end
end }
