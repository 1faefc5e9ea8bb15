-- partner_seeker.lua -- a nation with rare earths in the ground and no mine
-- yet, looking for partners: Kazakhstan and Uzbekistan in 2025.
--
-- Strategy. Keep trade open (no controls, no tariffs), and seek a partner
-- for each need. Its users' magnets: when the largest magnet exporter
-- licenses them, offer it a two-year supply contract -- it suspends its
-- controls towards us and delivers a quarter's need each quarter, at its
-- market price or, if it will not take that, up to half again its producer
-- price (the lowest it values, by view.deal_value). Unlicensed magnets
-- serve defense and cost no licence rent: in Kazakhstan's seat this is
-- nearly all of the +4.7 points (baseline) and +3.35 (licensing-2025) it
-- makes over an empty seat (100 seeds; docs/strategy.md), where
-- courting mine partners alone
-- made nothing measurable -- a mine takes ten years. Its own magnet plant,
-- as large as the treasury and two years of budget allow, paid ahead to
-- build at the fastest pace. And its ore: once a year, while no
-- partnership is signed, ask the largest economy that buys magnets abroad
-- and does not lead the magnet trade to pay half of a mine at home -- the
-- deal pays, half a mine for nothing -- and, once a mine is running, half
-- of a separation plant to refine its ore at home. Kazakhstan's ministry
-- claims 935,400 t in four areas and signed MoUs with the United States at
-- the C5+1 summit (Nov 2025); Uzbekistan signed a critical-minerals MoU
-- with it (Feb 2026) and deals with Denali and ReElement
-- (shared/data/rare-earths.md).
--
-- Answering others. A licence on its magnets is answered with the
-- contract offer within half a year; a magnet price at home half again
-- above normal, by paying its plant ahead at once.
--
-- Bargaining. Welcome co-investment at home. Sell under offtakes at the
-- market price, or at a fixed price no lower than 95% of what its
-- producers get, never more than half of its exports. Anything else is
-- signed when it pays.
--
-- Difficulty (view.difficulty). Easy reviews every other year, builds half
-- the plant, never pays ahead and asks for a supply contract only every
-- other year, at 1.1 times the exporter's price; hard plays as normal and,
-- every half year, asks view.forecast whether buying a quarter's magnets
-- into the strategic stockpile, or releasing half of it, beats holding over
-- a year.

local UNTAPPED = 100000       -- reserves (t) worth inviting a partner for
local INVITE_T = { mine = 5000, separation = 3000 }   -- the plants it asks partners to half-fund
local FAIR, COMMIT = 0.95, 0.5
local SPEND = 0.9             -- share of the treasury its own magnet plant may take
local BUDGET_YEARS = 2        -- years of budget it may take besides
local MIN_PLANT_T = 300       -- smaller magnet plants are not worth building
local DEAR = 1.5              -- magnets are dear above 1.5 times their reference price
local CONTRACT_TURNS = 8     -- a supply contract binds two years
local CONTRACT_MARKUPS = { 0, 1.1, 1.25, 1.5 }   -- prices offered: market, then x its producer price


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

-- Magnet plants at home: capacity (t a year) and those still being built.
local function magnet_plants(view)
  local cap, building = 0, {}
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.host == view.iso3 and f.kind == "magnet_plant" and f.stage ~= "closed" then
      cap = cap + f.capacity_t_per_yr
      if f.stage ~= "operating" and f.stage ~= "ramp_up" and f.stage ~= "idled" then
        building[#building + 1] = f
      end
    end
  end
  return cap, building
end

-- A magnet plant of its own, as large as 'scale' of the money allows; then
-- money paid in ahead keeps it at the fastest pace (two instalments in hand).
local function own_plant(view, act, scale)
  local me = view.me
  local cap, building = magnet_plants(view)
  if #building == 0 and cap == 0 then
    local ok, quote = act.can_build_facility("magnet_plant", 1000)
    if not ok then return end
    local money = me.treasury_musd * SPEND + me.budget_musd_per_yr * BUDGET_YEARS
    local t = math.floor(scale * money / (quote.cost_total_musd / 1000) / 100) * 100
    if t >= MIN_PLANT_T and act.can_build_facility("magnet_plant", t) then
      act.build_facility("magnet_plant", t)
    end
  end
  if scale < 1 then return end
  for _, f in ipairs(building) do
    local left = f.capex_musd - f.capex_paid_musd - f.funds_musd
    local due = f.capex_musd / math.max(1, f.stage_turns.construction)
    local want = math.min(left, 3 * due - f.funds_musd, me.treasury_musd - 1)
    if want > 1 and act.can_fund_facility(f.id, want) then act.fund_facility(f.id, want) end
  end
end

-- Is the deal under 'id' waiting, agreed or in force?
local function live(view, id)
  local d = id and view.deal(id)
  return d ~= nil and (d.status == "proposed" or d.status == "agreed" or d.status == "active")
end

-- Mines running at home (operating or ramping up), t a year.
local function running_mines(view)
  local t = 0
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.host == view.iso3 and f.kind == "mine" and (f.stage == "operating" or f.stage == "ramp_up") then
      t = t + f.capacity_t_per_yr
    end
  end
  return t
end

-- The partner to court: the largest economy that buys magnets abroad and
-- is not the largest magnet maker.
local function partner(view)
  local top = 0
  for _, n in ipairs(view.nations) do top = math.max(top, n.magnets_t) end
  local best, gdp = nil, 0
  for _, n in ipairs(view.nations) do
    if n.iso3 ~= view.iso3 and n.magnets_t < top and n.imports_t.magnet > 0
       and n.gdp_busd_per_yr > gdp then
      best, gdp = n, n.gdp_busd_per_yr
    end
  end
  return best
end

return {
  api_version = 1,
  name = "Partner seeker",

  on_proposal = function(view, deal, memory)
    local c = deal.clauses[1]
    if #deal.clauses == 1 and c.kind == "coinvest" and c.to == view.iso3 then return "accept" end
    if #deal.clauses == 1 and c.kind == "offtake" and c.from == view.iso3 then
      local spare = COMMIT * view.me.exports_t[c.good]
      local floor = FAIR * view.me.producer_price_usd_per_kg[c.good]
      if c.tonnes_per_turn <= spare and (c.price == 0 or c.price >= floor) then return "accept" end
      return "reject"
    end
    return deal.value_musd > 0 and "accept" or "reject"
  end,

  turn = function(view, act, memory)
    local level = view.difficulty or "normal"
    local me = view.me
    local dear = me.price_paid_usd_per_kg.magnet > DEAR * view.markets.magnet.reference_price_usd_per_kg
    if level == "easy" then
      if view.turn % 8 ~= 2 then return end          -- every other year
      own_plant(view, act, 0.5)
      seek_supply(view, act, memory, { 1.1 })
    else
      -- its own plant from the first quarter; a magnet price spike at home
      -- is answered at once: the plant is paid ahead to its fastest pace
      if view.turn == 0 or dear or view.turn % 4 == 2 then own_plant(view, act, 1.0) end
      if view.turn % 2 == 0 then seek_supply(view, act, memory, CONTRACT_MARKUPS) end
      if level == "hard" and view.turn % 2 == 0 then vet_stockpile(view, act) end
      if view.turn % 4 ~= 2 then return end          -- the partners once a year
    end
    -- once a partnership is signed, the next step: a mine, then a refinery
    if memory.invite and not live(view, memory.invite) then
      local d = view.deal(memory.invite)
      if d and (d.status == "expired" or d.status == "active" or d.status == "agreed") then
        memory.signed = (memory.signed or 0) + 1
      end
      memory.invite = nil
    end
    if live(view, memory.invite) or me.reserves_t < UNTAPPED then return end
    local kind = running_mines(view) > 0 and "separation" or "mine"
    if (memory.signed or 0) >= 2 or (kind == "mine" and (memory.signed or 0) >= 1) then return end
    local p = partner(view)
    if not p then return end
    local deal = { parties = { view.iso3, p.iso3 }, term = 8, clauses = {
      { kind = "coinvest", from = p.iso3, to = view.iso3, facility = kind,
        share = 0.5, capacity_t_per_yr = INVITE_T[kind] } } }
    if act.can_propose(deal) then
      local ok, id = act.propose(deal)
      memory.invite = ok and id or nil
    end
  end,
}
