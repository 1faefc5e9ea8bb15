-- hostile: string.rep of an empty string a huge number of times (stock rep loops in C)
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  while true do local s = string.rep("", 1 << 62) end
end }
