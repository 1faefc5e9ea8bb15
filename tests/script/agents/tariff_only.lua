-- tariff_only.lua -- forecast_then_tariff.lua without its forecasts (tests/script/test_agents.c).
return {
  api_version = 1,
  name = "Tariff only",
  turn = function(view, act, memory)
    assert(act.buy_stockpile("light_oxide", 10))
    assert(act.set_tariff("magnet", "CHN", 0.1))
  end,
  on_proposal = function(view, deal, memory)
    return "reject"
  end,
}
