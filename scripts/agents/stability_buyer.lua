-- stability_buyer.lua -- a buyer that pays for calm: stockpiles and stakes abroad.
--
-- Strategy. Hold a strategic stockpile of the scarce goods (heavy oxide and
-- magnets) worth a couple of quarters of demand, topping it up while prices
-- are near normal and drawing it down whenever a shortage bites. Every other
-- year, put money into a separation plant in a resource-rich partner, the
-- way Japan backed Lynas after 2010. Never tariffs, never bans. Suits Japan,
-- South Korea, India.
--
-- Bargaining. Long contracts: every other year, unless its last offtake of
-- NdPr oxide is waiting or running, offer the largest seller outside China a
-- five-year offtake of a fifth of its exports at the market price (volume,
-- not a bargain, is what it buys); a seller that said no is passed over
-- the next time. Sign any offtake to us and any alliance; anything else
-- when it pays.

local GOODS = { "heavy_oxide", "magnet" }
local TARGET_QUARTERS = 2
local MAX_PRICE = 1.5        -- buy only below 1.5 times the reference price
local CASH_RESERVE = 300     -- USD millions never spent on stockpiles
local OFFTAKE_TERM, OFFTAKE_SHARE = 20, 0.2

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

-- Offer a long offtake of NdPr oxide unless the last one we proposed is
-- waiting or running.
local function seek_offtake(view, act, memory)
  local d = memory.offtake and view.deal(memory.offtake)
  if d and (d.status == "proposed" or d.status == "agreed" or d.status == "active") then return end
  -- a seller that turned us down is passed over once
  local avoid = d and d.status == "rejected" and d.parties[2] or nil
  local best, best_t, me = nil, 0, view.iso3
  for _, n in ipairs(view.nations) do
    local t = n.exports_t.light_oxide                -- most export none: test that first
    if t > best_t and n.iso3 ~= me and n.iso3 ~= "CHN" and n.iso3 ~= avoid then
      best, best_t = n.iso3, t
    end
  end
  local tonnes = math.floor(best_t * OFFTAKE_SHARE / 10) * 10
  if best and tonnes >= 10 then
    local deal = { parties = { view.iso3, best }, term = OFFTAKE_TERM, clauses = {
      { kind = "offtake", from = best, to = view.iso3, good = "light_oxide", tonnes_per_turn = tonnes } } }
    if act.can_propose(deal) then
      local ok, id = act.propose(deal)
      memory.offtake = ok and id or nil
    end
  end
end

return {
  api_version = 1,
  name = "Stability buyer",

  on_proposal = function(view, deal, memory)
    for _, c in ipairs(deal.clauses) do
      if not ((c.kind == "offtake" and c.to == view.iso3) or c.kind == "alliance") then
        return deal.value_musd > 0 and "accept" or "reject"
      end
    end
    return "accept"
  end,

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
    if view.turn % 8 == 7 then seek_offtake(view, act, memory) end
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
