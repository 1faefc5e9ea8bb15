-- stability_buyer.lua -- a buyer that pays for calm: stockpiles and stakes abroad.
--
-- Strategy. Hold a strategic stockpile of the scarce goods (heavy oxide and
-- magnets) worth a couple of quarters of demand, topping it up while prices
-- are near normal and drawing it down whenever a shortage bites. Every other
-- year, put money into a separation plant in a resource-rich partner, the
-- way Japan backed Lynas after 2010. Never tariffs, never bans. Suits Japan,
-- South Korea, India.

local GOODS = { "heavy_oxide", "magnet" }
local TARGET_QUARTERS = 2
local MAX_PRICE = 1.5        -- buy only below 1.5 times the reference price
local CASH_RESERVE = 300     -- USD millions never spent on stockpiles

local function try(act, name, ...)
  if act["can_" .. name](...) then return act[name](...) end
  return false
end

-- A partner to invest in: the nation with most reserves that is not us and
-- does not ban ore exports to us.
local function partner(view)
  local best, best_r = nil, 0
  for _, n in ipairs(view.nations) do
    if n.iso3 ~= view.iso3 and n.reserves_t > best_r
       and n.policy.export_control("ore", view.iso3) ~= "banned" and n.iso3 ~= "CHN" then
      best, best_r = n.iso3, n.reserves_t
    end
  end
  return best
end

return {
  api_version = 1,
  name = "Stability buyer",

  turn = function(view, act, memory)
    local me = view.me
    for _, good in ipairs(GOODS) do
      local have = me.stockpile_t[good]
      local short = me.shortage_t[good]
      if short > 0 and have > 0 then
        try(act, "release_stockpile", good, math.min(short, have))
      else
        local target = TARGET_QUARTERS * me.demand_t[good]
        local price = me.price_paid_usd_per_kg[good]
        local ref = view.constants.goods_params[good].reference_price_usd_per_kg
        if have < target and price < MAX_PRICE * ref and me.treasury_musd > CASH_RESERVE then
          -- a quarter of the gap at a time, and no more than 5% of the treasury
          local tonnes = (target - have) / 4
          local afford = 0.05 * me.treasury_musd * 1e6 / (math.max(price, 1) * 1000)
          tonnes = math.min(tonnes, afford)
          if tonnes >= 1 then try(act, "buy_stockpile", good, tonnes) end
        end
      end
    end
    if view.turn % 8 == 3 then
      local p = partner(view)
      if p then
        for _, size in ipairs({ 5000, 2000 }) do
          if try(act, "build_facility", "separation", size, p) then break end
        end
      end
    end
  end,
}
