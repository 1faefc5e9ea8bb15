-- hostile: os.execute
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  os.execute("touch /tmp/chokepoint-pwned")
end }
