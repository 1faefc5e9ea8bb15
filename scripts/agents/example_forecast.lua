-- example_forecast.lua -- looks before it leaps: the worked example of view.forecast in docs/agents.md.
--
-- Strategy. Once a year, ask the core how the next four quarters would go three ways:
-- holding still, turning the tariff on magnets from the nation that sold us most of them last
-- quarter the other way (lifting it if there is one, 25% if there is none), and buying a
-- quarter's magnet imports for the stockpile. Give the orders of the
-- one whose score over those quarters (window.total) is best; on a tie, hold. Each forecast
-- plays a copy of the world, never the game, and costs budget by the quarters it plays.

local QUARTERS = 4 -- how far to look: a year

-- The nation that sold us the most magnets last quarter (not ourselves), or nil.
local function top_supplier(view)
  local best, best_t = nil, 0
  for i = 1, #view.nations do
    local iso3 = view.nations[i].iso3
    if iso3 ~= view.iso3 then
      local t = view.flow("magnet", iso3, view.iso3)
      if t > best_t then best, best_t = iso3, t end
    end
  end
  return best
end

-- The choices: each the orders to forecast (tables, as view.forecast takes them) and how to
-- give them for real (act's functions take the same parameters, in order).
local function choices(view)
  local list = { { label = "hold", orders = {}, give = function(act) end } }
  local supplier = top_supplier(view)
  if supplier then
    local rate = view.me.policy.tariff("magnet", supplier) > 0 and 0 or 0.25
    list[#list + 1] = {
      label = string.format("tariff %d%% on %s", math.floor(rate * 100), supplier),
      orders = { { order = "set_tariff", good = "magnet", origin = supplier, rate = rate } },
      give = function(act) return act.set_tariff("magnet", supplier, rate) end,
    }
  end
  local tonnes = math.floor(view.me.imports_t.magnet)
  if tonnes >= 1 then
    list[#list + 1] = {
      label = "stockpile " .. tonnes .. " t",
      orders = { { order = "buy_stockpile", good = "magnet", tonnes = tonnes } },
      give = function(act) return act.buy_stockpile("magnet", tonnes) end,
    }
  end
  return list
end

return {
  api_version = 1,
  name = "Example forecast",

  turn = function(view, act, memory)
    if view.turn % 4 ~= 0 then return end -- once a year: forecasts are not free
    local best, best_total, line = nil, -math.huge, {}
    for _, c in ipairs(choices(view)) do
      local f = view.forecast(c.orders, QUARTERS)
      line[#line + 1] = string.format("%s %.2f", c.label, f.window.total)
      -- an order the core would refuse (money, a deal) makes the choice no choice
      if #f.refused == 0 and f.window.total > best_total then
        best, best_total = c, f.window.total
      end
    end
    print(string.format("%s: %s -> %s", view.date, table.concat(line, ", "), best.label))
    best.give(act)
    memory.last_choice = best.label
  end,
}
