-- hostile: work the budget cannot see, so that only the wall clock stops it (issue 14, finding
-- 5): comparing two equal 2 MiB strings is one instruction of the Lua VM but a 2 MiB memcmp.
-- The wall clock ends such a call at a moment of that run's own, so the game records that it
-- happened: a replay still reproduces it, a re-run from its seed may not.
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  local kib = string.rep("x", 1024)
  local a, b = string.rep(kib, 2048), string.rep(kib, 2048)
  while a == b do end
end }
