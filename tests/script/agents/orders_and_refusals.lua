-- orders_and_refusals.lua -- one order the core takes and one it refuses each turn (the seats' report, tests/script/test_agents.c).
return {
  api_version = 1,
  name = "Orders and refusals",
  turn = function(view, act)
    assert(act.set_tariff("magnet", "CHN", 0.25))
    local ok = act.set_tariff("magnet", "CHN", 50)
    assert(not ok, "a tariff of 5000% is refused")
  end,
}
