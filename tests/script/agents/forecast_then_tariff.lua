-- forecast_then_tariff.lua -- forecasts three ways every turn (and when a deal is put to it),
-- keeps the figures in memory, then sets the tariff tariff_only.lua sets and rejects every deal
-- as it does: the two must play the same game (tests/script/test_agents.c, test_forecast).
local function figures(f)
  return string.format("%d:%.17g/%.17g/%.17g/%.17g/%d", f.to_turn, f.window.total, f.score.total,
    f.prices.magnet, f.shortage.magnet, #f.refused)
end
return {
  api_version = 1,
  name = "Forecast then tariff",
  init = function(view, memory)
    memory.log = figures(view.forecast({}, 1))
  end,
  turn = function(view, act, memory)
    assert(act.buy_stockpile("light_oxide", 10))
    local hold = view.forecast({}, 4)
    local tariff = view.forecast({ { order = "set_tariff", good = "magnet", origin = "CHN", rate = 0.25 } }, 4)
    local pile = view.forecast({ { order = "buy_stockpile", good = "magnet", tonnes = 300 },
                                 { order = "close_facility", facility = 0 } }, 2)
    assert(#pile.refused == 1 and pile.refused[1].index == 2, "closing China's plant is refused")
    memory.log = memory.log .. " " .. figures(hold) .. " " .. figures(tariff) .. " " .. figures(pile)
    assert(act.set_tariff("magnet", "CHN", 0.1))
  end,
  on_proposal = function(view, deal, memory)
    memory.log = memory.log .. " p" .. figures(view.forecast({}, 2))
    return "reject"
  end,
}
