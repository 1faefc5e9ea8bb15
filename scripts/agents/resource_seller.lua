-- resource_seller.lua -- a nation with ore to sell and a wish to refine it.
--
-- Strategy. Sell to every bidder: no bans and no tariffs of its own, and
-- foreign investors are welcome (they build here without asking). Add the
-- value at home where it pays soonest: a magnet plant, sized to what the
-- treasury and two years of budget can pay, with money paid in ahead so
-- that it is built a quarter faster; once it is built and the treasury has
-- refilled, another. A magnet plant is built in about three years, where a
-- separation plant takes five and a mine ten: inside a game only the magnet
-- plant pays. Home-made magnets are free of other nations' licences (so
-- they serve defense), cheaper at home, and count in the world's magnet
-- output: in Australia's seat the plant was worth about +2 points over an
-- empty seat, and with the supply contract below the seller makes +5.3
-- (baseline) and +4.0 (licensing-2025, 100 seeds;
-- docs/strategy.md), where the old
-- plan -- ban raw-ore exports once a separation plant runs, as Indonesia did
-- with nickel -- lost 1.5: China licenses its magnets tighter to a nation
-- that refuses it ore, and the seller's own users paid. A ban the nation
-- started with stays. While ore is dear, tax its export lightly. Suits
-- Australia, Brazil, Malaysia, Myanmar, Tanzania and other holders of
-- reserves.
--
-- Answering others. A licence on the magnets it imports is answered within
-- half a year with a supply contract offered to the largest magnet
-- exporter: it suspends its magnet controls towards us and delivers a
-- quarter's need each quarter for two years, at its market price or, after
-- each refusal, a step dearer (1.1, 1.25, 1.5 times its producer price).
-- Unlicensed magnets serve defense and carry no licence rent: most of what
-- the seat makes once China licenses (docs/strategy.md). A
-- seller squeezed -- magnets licensed or banned towards it, or a magnet
-- price at home half again above normal -- also pays its plant's remaining
-- cost in ahead at once and reviews every quarter until the squeeze ends.
--
-- Bargaining. Sign offtakes at good prices: at the market price, or at a
-- fixed price no lower than 95% of what its producers get now; a lower
-- price is countered with that floor. Never commit more than half of what
-- it exports (a buyer asking for more is countered with what is left), so
-- that it never breaks a delivery; when less than half the request is left,
-- refuse. Welcome co-investment in plants at home.
-- Anything else is signed when it pays.
--
-- Difficulty (view.difficulty). Easy reviews every other year, builds half
-- the plant, never pays ahead, ignores squeezes and asks for a supply
-- contract only every other year, at 1.1 times the exporter's price; hard
-- plays as normal and, at each review, asks view.forecast whether buying a
-- quarter's magnets into the strategic stockpile, or releasing half of it,
-- beats holding over a year.

local ORE_TAX = 0.1
local DEAR = 1.5              -- a good is dear above 1.5 times its reference price
local FAIR = 0.95             -- the lowest fixed price, as a share of its producer price
local COMMIT = 0.5            -- the most of its exports it sells under offtakes
local SPEND = 0.9             -- share of the treasury a new plant may take
local BUDGET_YEARS = 2        -- years of budget a new plant may take besides
local MIN_PLANT_T = 500       -- smaller magnet plants are not worth building
local CONTRACT_TURNS = 8     -- a supply contract binds two years
local CONTRACT_MARKUPS = { 0, 1.1, 1.25, 1.5 }   -- prices offered: market, then x its producer price

local function try(act, name, ...)
  if act["can_" .. name](...) then return act[name](...) end
  return false
end

-- "easy", "normal" or "hard": the game's difficulty for this seat.
local function difficulty(view)
  return view.difficulty or "normal"
end

-- Capacity at home by kind (t a year), counting plants being built, and
-- the plants of 'kind' still being built.
local function capacity(view, kind)
  local cap = { mine = 0, separation = 0, magnet_plant = 0, heavy_separation = 0 }
  local building = {}
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.host == view.iso3 and f.stage ~= "closed" then
      cap[f.kind] = (cap[f.kind] or 0) + f.capacity_t_per_yr
      if f.kind == kind and f.stage ~= "operating" and f.stage ~= "ramp_up" and f.stage ~= "idled" then
        building[#building + 1] = f
      end
    end
  end
  return cap, building
end

-- Is anyone licensing or banning magnets towards us, or are magnets dear here?
local function squeezed(view)
  local me = view.me
  local ref = view.markets.magnet.reference_price_usd_per_kg
  if me.price_paid_usd_per_kg.magnet > DEAR * ref then return true end
  for _, n in ipairs(view.nations) do
    if n.iso3 ~= view.iso3 and n.exports_t.magnet > 0 then
      local mode, _, suspended = n.policy.export_control("magnet", view.iso3)
      if mode ~= "open" and suspended == 0 then return true end
    end
  end
  return false
end

-- The nation that exports the most magnets: the one whose licences count.
local function top_magnet_exporter(view)
  local best, t = nil, 0
  for _, n in ipairs(view.nations) do
    if n.iso3 ~= view.iso3 and n.exports_t.magnet > t then best, t = n, n.exports_t.magnet end
  end
  return best
end

-- Magnets its users need in a quarter, t (at reference prices).
local function magnet_need_t(view)
  local t = 0
  for _, goods in pairs(view.me.demand_t_per_yr) do t = t + (goods.magnet or 0) end
  return t / 4
end

-- Answer a licence on the magnets we import: offer the exporter a supply
-- contract -- it suspends its controls towards us and delivers a quarter's
-- need each quarter for two years -- at a price from 'markups' (0: its
-- market price; else that many times its producer price): the first it
-- values (view.deal_value), and after each refusal one step dearer.
-- Returns true when an offer went out.
local function seek_supply(view, act, memory, markups)
  local last = memory.contract and view.deal(memory.contract)
  if last and (last.status == "proposed" or last.status == "agreed" or last.status == "active") then
    return false
  end
  local step = memory.contract_step or 1
  if last and last.status == "rejected" then step = step + 1 end
  step = math.min(step, #markups)
  memory.contract, memory.contract_step = nil, step
  local n = top_magnet_exporter(view)
  if not n then return false end
  local mode, _, suspended = n.policy.export_control("magnet", view.iso3)
  if mode == "open" or suspended > 0 then return false end
  local tonnes = math.floor(magnet_need_t(view))
  if tonnes < 1 then return false end
  local base = n.producer_price_usd_per_kg.magnet
  for i = step, #markups do
    local markup = markups[i]
    local deal = { parties = { view.iso3, n.iso3 }, term = CONTRACT_TURNS, clauses = {
      { kind = "suspend", from = n.iso3, to = view.iso3, good = "magnet" },
      { kind = "offtake", from = n.iso3, to = view.iso3, good = "magnet", tonnes_per_turn = tonnes,
        price = markup == 0 and 0 or math.ceil(base * markup) } } }
    if view.deal_value(deal)[n.iso3] > 0 and act.can_propose(deal) then
      local ok, id = act.propose(deal)
      memory.contract, memory.contract_step = ok and id or nil, i
      return ok
    end
  end
  return false
end

-- Build a magnet plant as large as the money allows ('scale' of it).
local function build_plant(view, act, scale)
  local me = view.me
  local ok, quote = act.can_build_facility("magnet_plant", 1000)
  if not ok then return end
  local per_t = quote.cost_total_musd / 1000
  local money = me.treasury_musd * SPEND + me.budget_musd_per_yr * BUDGET_YEARS
  local t = math.floor(scale * money / per_t / 100) * 100
  if t >= MIN_PLANT_T then try(act, "build_facility", "magnet_plant", t) end
end

-- Pay in ahead what keeps a plant at its fastest pace (two instalments in
-- hand), or, when 'all', whatever is left of its cost.
local function fund(view, act, f, all)
  local left = f.capex_musd - f.capex_paid_musd - f.funds_musd
  local due = f.capex_musd / math.max(1, f.stage_turns.construction)
  local want = all and left or math.min(left, 3 * due - f.funds_musd)
  want = math.min(want, view.me.treasury_musd - 1)
  if want > 1 then try(act, "fund_facility", f.id, want) end
end

-- Hard: the best of holding, buying a quarter's magnet need into the
-- strategic stockpile, or releasing half of it, over the coming year as
-- view.forecast sees it (a move must beat holding by a hundredth of a point).
local function vet_stockpile(view, act)
  local need = math.floor(magnet_need_t(view))
  local held = view.me.stockpile_t.magnet
  local moves = {}
  if need >= 1 then moves[#moves + 1] = { order = "buy_stockpile", good = "magnet", tonnes = need } end
  if held >= 1 then moves[#moves + 1] = { order = "release_stockpile", good = "magnet", tonnes = held / 2 } end
  if #moves == 0 then return end
  local best, best_total = nil, view.forecast({}, 4).window.total + 0.01
  for _, o in ipairs(moves) do
    local f = view.forecast({ o }, 4)
    if #f.refused == 0 and f.window.total > best_total then best, best_total = o, f.window.total end
  end
  if best and act["can_" .. best.order](best.good, best.tonnes) then
    act[best.order](best.good, best.tonnes)
  end
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
    local level = difficulty(view)
    local squeeze = level ~= "easy" and squeezed(view)
    local every = level == "easy" and 8 or 4
    if level == "easy" then
      if view.turn % 8 == 2 then seek_supply(view, act, memory, { 1.1 }) end
    elseif view.turn % 2 == 0 then
      seek_supply(view, act, memory, CONTRACT_MARKUPS)
    end
    if view.turn % every ~= 2 % every and not (squeeze and view.turn >= 2) then return end
    local me = view.me
    local cap, building = capacity(view, "magnet_plant")
    -- magnets made at home: a plant at a time, as large as the money allows
    if #building == 0 then
      local first = cap.magnet_plant == 0
      if level == "easy" then
        if first then build_plant(view, act, 0.5) end
      else
        build_plant(view, act, 1.0)
      end
    elseif level ~= "easy" then
      for _, f in ipairs(building) do fund(view, act, f, squeeze) end
    end
    if level == "hard" then vet_stockpile(view, act) end
    -- a light export tax on ore while it is dear
    local market = view.markets.ore
    local tax = market.world_price_usd_per_kg > DEAR * market.reference_price_usd_per_kg and ORE_TAX or 0
    if cap.mine > 0 and me.policy.export_tax.ore ~= tax then
      try(act, "set_export_tax", "ore", tax)
    end
  end,
}
