-- random_baseline.lua -- orders drawn at random: the yardstick every strategy must beat.
--
-- Strategy. None. Each turn, with one chance in four, pick an order kind and
-- arguments at random and issue it if the core would accept it. Its draws
-- come from math.random, which the game seeds from the game seed, the nation
-- and the turn: the same game always gives the same "random" orders.

local GOODS = { "ore", "light_oxide", "heavy_oxide", "magnet" }
local KINDS = { "mine", "separation", "magnet_plant" }
local MODES = { "open", "licensed", "banned" }

local function pick(list) return list[math.random(#list)] end

local function random_nation(view)
  return view.nations[math.random(#view.nations)].iso3
end

-- Each entry makes the arguments of one order kind.
local ORDERS = {
  set_tariff = function(view) return pick(GOODS), random_nation(view), math.random(0, 50) / 100 end,
  set_export_control = function(view)
    return pick(GOODS), random_nation(view), pick(MODES), math.random(0, 100) / 100
  end,
  set_export_tax = function() return pick(GOODS), math.random(0, 20) / 100 end,
  buy_stockpile = function() return pick(GOODS), math.random(10, 500) end,
  release_stockpile = function(view)
    local good = pick(GOODS)
    return good, math.max(0.001, view.me.stockpile_t[good] / 2)
  end,
  set_subsidy = function() return pick(KINDS), math.random(0, 30) / 100 end,
  build_facility = function() return pick(KINDS), math.random(5, 50) * 100 end,
  set_tracking = function() return math.random(2) == 1 end,
}
local NAMES = {}
for name in pairs(ORDERS) do NAMES[#NAMES + 1] = name end
table.sort(NAMES)

return {
  api_version = 1,
  name = "Random baseline",

  turn = function(view, act, memory)
    if math.random() >= 0.25 then return end
    local name = pick(NAMES)
    local args = { ORDERS[name](view) }
    if act["can_" .. name](table.unpack(args)) then act[name](table.unpack(args)) end
  end,
}
