-- resource_seller.lua -- a nation with ore to sell and a wish to refine it.
--
-- Strategy. Sell to the best bidder: no bans and no tariffs of its own, and
-- foreign investors are welcome (they build here without asking). Once it can
-- refine a good share of its own ore, ban raw-ore exports so the value is
-- added at home, as Indonesia did with nickel. While ore is dear, tax its
-- export lightly; build a small separation plant when the treasury allows.
-- A ban the nation started with stays. Suits Australia, Brazil, Malaysia,
-- Myanmar, Tanzania and other holders of reserves.

local ORE_TAX = 0.1
local DEAR = 1.5              -- ore is dear above 1.5 times its reference price

local function try(act, name, ...)
  if act["can_" .. name](...) then return act[name](...) end
  return false
end

-- Is ore already banned towards every other nation?
local function ore_banned(view)
  for _, n in ipairs(view.nations) do
    if n.iso3 ~= view.iso3 and view.me.policy.export_control("ore", n.iso3) ~= "banned" then
      return false
    end
  end
  return true
end

-- Capacity at home by kind (t a year), counting plants being built.
local function capacity(view)
  local cap = { mine = 0, separation = 0, magnet_plant = 0 }
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.host == view.iso3 and f.stage ~= "closed" then
      cap[f.kind] = cap[f.kind] + f.capacity_t_per_yr
    end
  end
  return cap
end

return {
  api_version = 1,
  name = "Resource seller",

  turn = function(view, act, memory)
    if view.turn % 4 ~= 2 then return end            -- once a year
    local me = view.me
    local cap = capacity(view)
    -- refine at home, then keep the ore at home
    if cap.mine > 0 and cap.separation >= 0.5 * cap.mine then
      if not ore_banned(view) then try(act, "set_export_control", "ore", "all", "banned") end
    elseif cap.mine > 0 and me.reserves_t > 100000 and me.treasury_musd > 200 then
      for _, size in ipairs({ 5000, 2000, 1000 }) do
        if try(act, "build_facility", "separation", size) then break end
      end
    end
    -- a light export tax on ore while it is dear
    local market = view.markets.ore
    local tax = market.world_price_usd_per_kg > DEAR * market.reference_price_usd_per_kg and ORE_TAX or 0
    if cap.mine > 0 and me.policy.export_tax.ore ~= tax then
      try(act, "set_export_tax", "ore", tax)
    end
  end,
}
