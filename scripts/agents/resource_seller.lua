-- resource_seller.lua -- a nation with ore to sell and a wish to refine it.
--
-- Strategy. Sell to the best bidder: no bans and no tariffs of its own, and
-- foreign investors are welcome (they build here without asking). Once it can
-- refine a good share of its own ore, ban raw-ore exports so the value is
-- added at home, as Indonesia did with nickel. While ore is dear, tax its
-- export lightly; build a small separation plant when the treasury allows.
-- A ban the nation started with stays. Suits Australia, Brazil, Malaysia,
-- Myanmar, Tanzania and other holders of reserves.
--
-- Bargaining. Sign offtakes at good prices: at the market price, or at a
-- fixed price no lower than 95% of what its producers get now; a lower
-- price is countered with that floor. Never commit more than half of what
-- it exports (a buyer asking for more is countered with what is left), so
-- that it never breaks a delivery; when less than half the request is left,
-- refuse. Welcome co-investment in plants at home.
-- Anything else is signed when it pays.

local ORE_TAX = 0.1
local DEAR = 1.5              -- ore is dear above 1.5 times its reference price
local FAIR = 0.95             -- the lowest fixed price, as a share of its producer price
local COMMIT = 0.5            -- the most of its exports it sells under offtakes

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
  local cap = { mine = 0, separation = 0, magnet_plant = 0, heavy_separation = 0 }
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.host == view.iso3 and f.stage ~= "closed" then
      cap[f.kind] = (cap[f.kind] or 0) + f.capacity_t_per_yr
    end
  end
  return cap
end

-- Tonnes a quarter of 'good' promised under offtakes we said yes to (or
-- countered) that may still run: kept in memory, so that answering costs
-- no look at every deal.
local function promised(view, memory, good)
  local t, keep = 0, {}
  for _, p in ipairs(memory.promised or {}) do
    if p.ends > view.turn then
      keep[#keep + 1] = p
      if p.good == good then t = t + p.tonnes end
    end
  end
  memory.promised = keep
  return t
end

-- Answer an offer to buy from us: accept, or counter with a fair price and
-- what we can spare; reject when less than half the request is spare.
local function answer_offtake(view, memory, deal, c)
  local me = view.me
  local floor = math.ceil(FAIR * me.producer_price_usd_per_kg[c.good])
  local spare = math.floor(COMMIT * me.exports_t[c.good] - promised(view, memory, c.good))
  if spare < math.max(10, c.tonnes_per_turn / 2) then return "reject" end
  local tonnes = math.min(c.tonnes_per_turn, spare)
  -- a deal runs from the next turn for its term; an offer may wait a year first
  memory.promised[#memory.promised + 1] = { good = c.good, tonnes = tonnes,
                                            ends = view.turn + deal.term + 5 }
  if (c.price == 0 or c.price >= floor) and c.tonnes_per_turn <= spare then return "accept" end
  return { term = deal.term, clauses = { { kind = "offtake", from = c.from, to = c.to, good = c.good,
           tonnes_per_turn = tonnes, price = c.price == 0 and 0 or math.max(c.price, floor) } } }
end

return {
  api_version = 1,
  name = "Resource seller",

  on_proposal = function(view, deal, memory)
    local c = deal.clauses[1]
    if #deal.clauses == 1 and c.kind == "offtake" and c.from == view.iso3 then
      return answer_offtake(view, memory, deal, c)
    end
    if #deal.clauses == 1 and c.kind == "coinvest" and c.to == view.iso3 then
      return view.me.treasury_musd > 100 and "accept" or "reject"
    end
    return deal.value_musd > 0 and "accept" or "reject"
  end,

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
