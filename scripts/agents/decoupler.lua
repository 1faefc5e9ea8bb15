-- decoupler.lua -- a buyer that cuts its dependence on one supplier.
--
-- What moves a buyer's score is the price its users pay for magnets and
-- oxides (docs/strategy.md, "A buyer"): above the reference they use less,
-- and the need not met costs security, GDP and calm. A tariff on the rival
-- raises that price at home, so the decoupler's tariffs are a threat to
-- bargain with more than a policy that pays: what pays is capacity at home
-- and a truce.
--
-- Strategy. Tariff the dominant supplier's oxides and magnets while it
-- restricts exports, a step each year, and ask it for a two-year
-- suspension of its controls; ask again before a suspension runs out, and
-- once it has said no offer to freeze the tariffs (a cap at today's rates)
-- and to buy part of our magnets from it at a premium; wait a year after
-- two refusals. Build magnet plants at home
-- as far as the treasury and half the coming budgets pay for them, while a
-- plant would still run for a good part of the game, and one separation
-- plant at a time; put money into separation under way. Back home
-- producers with a price floor for NdPr oxide. Suits the United States or
-- Canada.
--
-- Bargaining. Buy security from resource sellers: each year, if no offtake
-- is running, offer the largest seller of NdPr oxide outside the rival a
-- two-year offtake of a quarter of its exports at a 5% premium; when rich,
-- offer a resource seller to pay half of a new separation plant there. A
-- truce from the rival (its controls suspended for a tariff cut) is taken
-- when it pays or when our buyers are short, and a tariff capped by a deal
-- is never raised past the cap while the deal runs. An invitation to pay
-- for half of a plant outside the rival is taken while the treasury can
-- afford it: security is what we buy.
--
-- Difficulty (view.difficulty). "easy" decides every other quarter, asks for
-- a suspension only after a year under licence, and builds half-size plants.
-- "normal" is the play above. "hard" also prepays its plants so they are
-- built faster and renews a suspension a quarter earlier, and it asks
-- view.forecast (when the host offers it) what a year's tariff step costs
-- its own score: a step that costs more than TARIFF_COST points is not
-- taken (the tariffs already set stay: the threat remains). It does not vet
-- its plants by forecast: a plant pays after about ten quarters, past the
-- forecast's eight, and vetting them that way cost 0.2 points (20 seeds,
-- the stability buyer in JPN).

local RIVAL = "CHN"
local TARIFF_STEP, TARIFF_MAX = 0.05, 0.5
local TARIFF_COST = 0.2      -- hard: points of forecast score a tariff step may cost
local OFFTAKE_TERM, OFFTAKE_SHARE, PREMIUM = 8, 0.25, 1.05
local COINVEST_CASH = 2000    -- treasury (USD millions) above which we co-invest abroad
local SCARCE = { "heavy_oxide", "magnet" }
local TRUCE_TERM = 8         -- quarters of suspension asked for
local SWEETENER = 0.1        -- share of our magnet demand offered to the supplier...
local OFFER_PREMIUM = 1.05   -- ...at this much over its price
local PLANT_SIZES = { 10000, 5000, 2000 }
local MIN_RUN_QUARTERS = 12  -- build only if the game has this many quarters left
local BUDGET_SHARE = 0.5     -- share of the coming budgets a build may count on

-- The nation producing most magnets, if not us: the supplier to decouple from.
local function rival(view)
  if view.nations[RIVAL] and RIVAL ~= view.iso3 then return RIVAL end
  local best, best_t = nil, 0
  for _, n in ipairs(view.nations) do
    if n.iso3 ~= view.iso3 and n.magnets_t > best_t then best, best_t = n.iso3, n.magnets_t end
  end
  return best
end

-- Does the rival restrict what it sells us (a suspended control does not)?
local function restricted(view, r)
  for _, good in ipairs(SCARCE) do
    local mode, _, suspended = view.nations[r].policy.export_control(good, view.iso3)
    if mode ~= "open" and suspended == 0 then return true end
  end
  return false
end

-- Our facilities of 'kind' not yet producing.
local function projects(view, kind)
  local list = {}
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.funder == view.iso3 and f.kind == kind
       and (f.stage == "announced" or f.stage == "permitting" or f.stage == "construction") then
      list[#list + 1] = f
    end
  end
  return list
end

local function try(act, name, ...)
  if act["can_" .. name](...) then return act[name](...) end
  return false
end

-- Is the deal we proposed under 'id' still waiting, agreed or in force?
local function live(view, id)
  local d = id and view.deal(id)
  return d ~= nil and (d.status == "proposed" or d.status == "agreed" or d.status == "active")
end

-- The largest exporter of 'good' other than us and the rival, and its exports.
local function seller(view, good, r)
  local best, best_t, me = nil, 0, view.iso3
  for _, n in ipairs(view.nations) do
    local t = n.exports_t[good]                      -- most export none: test that first
    if t > best_t and n.iso3 ~= me and n.iso3 ~= r then best, best_t = n, t end
  end
  return best, best_t
end

-- The resource seller (it exports ore) with the largest reserves.
local function host(view, r)
  local best, best_r, me = nil, -1, view.iso3
  for _, n in ipairs(view.nations) do
    if n.exports_t.ore > 0 and n.iso3 ~= me and n.iso3 ~= r then
      local reserves = n.reserves_t
      if reserves > best_r then best, best_r = n, reserves end
    end
  end
  return best
end

-- Propose 'deal' if the core would take it; its id, or nil.
local function propose(act, deal)
  if not act.can_propose(deal) then return nil end
  local ok, id = act.propose(deal)
  return ok and id or nil
end

local function level(view)
  local d = view.difficulty
  return (d == "easy" or d == "hard") and d or "normal"
end

-- The rival's controls towards us: whether any is set, and the fewest
-- quarters of suspension left on them (0: none suspended).
local function controls(view, rv)
  local r = rv and view.nations[rv]
  if not r then return false, 0 end
  local any, left = false, math.huge
  for _, good in ipairs(SCARCE) do
    local mode, _, suspended = r.policy.export_control(good, view.iso3)
    if mode ~= "open" then
      any = true
      left = math.min(left, suspended)
    end
  end
  return any, any and left or 0
end

-- Does a deal waiting, agreed or in force (other than 'except') cap one of
-- our tariffs?
local function tariffs_capped(view, except)
  for _, d in ipairs(view.deals()) do
    for _, c in ipairs(d.id ~= except and d.clauses or {}) do
      if c.kind == "tariff" and c.from == view.iso3 then return true end
    end
  end
  return false
end

-- Ask the rival to suspend its controls towards us for a freeze of our
-- tariffs on it, sweetened by an offtake at a premium once it has said no.
-- memory.truce: the deal asked for; memory.refused: refusals in a row;
-- memory.wait_until: no ask before then.
local function seek_truce(view, act, memory, lvl, rv)
  local any, left = controls(view, rv)
  if not any then
    memory.licensed_since = nil
    return
  end
  memory.licensed_since = memory.licensed_since or view.turn
  if lvl == "easy" and view.turn - memory.licensed_since < 4 then return end   -- a year late
  local d = memory.truce and view.deal(memory.truce)
  if d and (d.status == "proposed" or d.status == "agreed") then return end
  if d and d.status == "rejected" and memory.counted ~= memory.truce then
    memory.counted = memory.truce
    memory.refused = (memory.refused or 0) + 1
    if memory.refused >= 2 then
      memory.wait_until, memory.refused = view.turn + 4, 0
    end
  elseif d and d.status == "active" then
    memory.refused = 0
    memory.sweet = #d.clauses > 1 and d.clauses[#d.clauses].kind == "offtake"   -- what it took
  end
  if (memory.wait_until or 0) > view.turn then return end
  local renew_at = lvl == "hard" and 2 or 1        -- quarters of suspension left when we ask again
  if left > renew_at then return end
  local clauses = { { kind = "suspend", from = rv, to = view.iso3, good = "all" } }
  -- after a refusal, the freeze, unless a deal still running caps our
  -- tariffs already: when that one ends the core restores the tariffs it
  -- cut, which would breach a second cap (seen with seed 5 of baseline:
  -- deal 15, turn 10)
  if (memory.refused or 0) > 0 and not tariffs_capped(view) then
    for _, good in ipairs({ "light_oxide", "heavy_oxide", "magnet" }) do
      local rate = view.me.policy.tariff(good, rv)
      if rate > 0 then
        clauses[#clauses + 1] = { kind = "tariff", from = view.iso3, to = rv, good = good, rate = rate }
      end
    end
  end
  local r = view.nations[rv]
  if (memory.refused or 0) > 0 or memory.sweet then
    local tonnes = math.floor(view.me.demand_t.magnet * SWEETENER / 10) * 10
    local price = math.ceil(r.producer_price_usd_per_kg.magnet * OFFER_PREMIUM)
    if tonnes >= 10 and price > 0 then
      clauses[#clauses + 1] = { kind = "offtake", from = rv, to = view.iso3, good = "magnet",
                     tonnes_per_turn = tonnes, price = price }
    end
  end
  local deal = { parties = { view.iso3, rv }, term = TRUCE_TERM, clauses = clauses }
  if act.can_propose(deal) then
    local ok, id = act.propose(deal)
    if ok then memory.truce = id end
  end
end

-- Money still owed on our plants under way, USD millions.
local function committed_musd(view)
  local owed = 0
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.funder == view.iso3 and (f.stage == "announced" or f.stage == "permitting"
                                  or f.stage == "construction") then
      owed = owed + math.max(0, f.capex_musd - f.capex_paid_musd - f.funds_musd)
    end
  end
  return owed
end

-- What a forecast says of some candidate lists of orders: the window score
-- (the mean of the forecast quarters) each would give over 'quarters', or
-- nil when the host offers no forecast, the game ends too soon or a
-- forecast fails or refuses an order.
local function forecast_totals(view, candidates, quarters)
  local ok, forecast = pcall(function() return view.forecast end)
  if not ok or type(forecast) ~= "function" then return nil end
  quarters = math.min(quarters, view.turns - view.turn)
  if quarters < 1 then return nil end
  local totals = {}
  for i, orders in ipairs(candidates) do
    local done, f = pcall(forecast, orders, quarters)
    if not done or type(f) ~= "table" or #f.refused > 0 then return nil end
    totals[i] = f.window.total
  end
  return totals
end

-- One home magnet plant a quarter while the treasury and half the coming
-- budgets cover every plant under way and this one too.
local function build_at_home(view, act, lvl)
  local me = view.me
  local left_q = view.turns - view.turn
  if left_q < MIN_RUN_QUARTERS then return end
  local avail = me.treasury_musd + me.budget_musd_per_yr * left_q / 4 * BUDGET_SHARE
                - committed_musd(view)
  for _, size in ipairs(PLANT_SIZES) do
    if lvl == "easy" then size = size // 2 end
    local ok, quote = act.can_build_facility("magnet_plant", size)
    if ok and quote.cost_total_musd <= avail then
      act.build_facility("magnet_plant", size)
      return
    end
  end
end

-- Hard: prepay plants under construction (two instalments ahead speeds
-- the work up) while the treasury keeps a year's budget.
local function prepay(view, act)
  local me = view.me
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.funder == view.iso3 and f.stage == "construction" then
      local due = f.capex_musd / math.max(1, f.stage_turns.construction)
      local want = 2 * due - f.funds_musd
      if want > 1 and me.treasury_musd - want > me.budget_musd_per_yr then
        try(act, "fund_facility", f.id, want)
      end
    end
  end
end


return {
  api_version = 1,
  name = "Decoupler",

  -- take what pays, and a truce from the rival while our buyers are short;
  -- remember the tariff caps we sign until they end
  on_proposal = function(view, deal, memory)
    local short = view.me.shortage_t.magnet + view.me.shortage_t.heavy_oxide > 0
    local truce = false
    for _, c in ipairs(deal.clauses) do
      truce = truce or (c.kind == "suspend" and c.to == view.iso3)
    end
    if truce and tariffs_capped(view, deal.id) then
      return "reject", "a truce already caps our tariffs"   -- two caps on one tariff break on expiry
    end
    local c1 = deal.clauses[1]
    if #deal.clauses == 1 and c1.kind == "coinvest" and c1.from == view.iso3 and c1.to ~= rival(view)
       and c1.share <= 0.5 and view.me.treasury_musd > COINVEST_CASH then
      return "accept"
    end
    if deal.value_musd <= 0 and not (truce and short) then return "reject" end
    memory.caps = memory.caps or {}
    for _, c in ipairs(deal.clauses) do
      if c.kind == "tariff" and c.from == view.iso3 then
        memory.caps[#memory.caps + 1] = { good = c.good, origin = c.to, rate = c.rate,
                                          ends = view.turn + deal.term + 1 }
      end
    end
    return "accept"
  end,

  init = function(view, memory) memory.caps = {} end,

  turn = function(view, act, memory)
    local lvl = level(view)
    if lvl == "easy" and view.turn % 2 == 1 then return end     -- decides every other quarter
    local r = rival(view)
    if r then seek_truce(view, act, memory, lvl, r) end
    build_at_home(view, act, lvl)
    if lvl == "hard" then prepay(view, act) end
    if view.turn % 4 ~= 1 then return end            -- the rest once a year
    memory.caps = memory.caps or {}
    local caps = {}                                  -- the caps still binding us
    for _, c in ipairs(memory.caps) do
      if c.ends > view.turn then caps[#caps + 1] = c end
    end
    memory.caps = caps
    if r and restricted(view, r) then
      local raises = {}
      for _, good in ipairs({ "light_oxide", "heavy_oxide", "magnet" }) do
        local rate = view.me.policy.tariff(good, r)
        local top = TARIFF_MAX
        for _, c in ipairs(caps) do
          if c.good == good and c.origin == r then top = math.min(top, c.rate) end
        end
        if rate < top then
          raises[#raises + 1] = { order = "set_tariff", good = good, origin = r,
                                  rate = math.min(top, rate + TARIFF_STEP) }
        end
      end
      -- hard: a step that a year's forecast says costs more than TARIFF_COST
      -- points is not taken (the threat stays: the tariffs already set)
      local t = lvl == "hard" and #raises > 0 and forecast_totals(view, { raises, {} }, 4)
      if not (t and t[1] < t[2] - TARIFF_COST) then
        for _, o in ipairs(raises) do try(act, "set_tariff", o.good, o.origin, o.rate) end
      end
    end
    -- home separation: one plant at a time (magnet plants: build_at_home)
    if #projects(view, "separation") == 0 then
      for _, size in ipairs({ 10000, 5000, 2000 }) do
        if try(act, "build_facility", "separation", size) then break end
      end
    end
    -- speed up what is being built
    for _, f in ipairs(projects(view, "separation")) do
      if f.stage == "construction" and view.me.treasury_musd > 1000 then
        try(act, "fund_facility", f.id, 50)
      end
    end
    -- a floor under home NdPr producers
    local ref = view.constants.goods_params.light_oxide.reference_price_usd_per_kg
    if view.me.policy.price_floor_usd_per_kg.light_oxide == 0 then
      try(act, "set_price_floor", "light_oxide", math.floor(ref * 1.2))
    end
    -- an offtake of NdPr oxide from the largest seller outside the rival
    local s, exported
    if not live(view, memory.offtake) then s, exported = seller(view, "light_oxide", r) end
    if s then
      local tonnes = math.floor(exported * OFFTAKE_SHARE / 10) * 10
      local price = math.ceil(s.producer_price_usd_per_kg.light_oxide * PREMIUM)
      if tonnes >= 10 then
        memory.offtake = propose(act, { parties = { view.iso3, s.iso3 }, term = OFFTAKE_TERM, clauses = {
          { kind = "offtake", from = s.iso3, to = view.iso3, good = "light_oxide",
            tonnes_per_turn = tonnes, price = price } } })
      end
    end
    -- when rich, pay half of a separation plant in a resource seller
    local h
    if view.me.treasury_musd > 3000 and view.turn % 8 == 1 and not live(view, memory.coinvest) then
      h = host(view, r)
    end
    if h then
      memory.coinvest = propose(act, { parties = { view.iso3, h.iso3 }, term = 8, clauses = {
        { kind = "coinvest", from = view.iso3, to = h.iso3, facility = "separation",
          share = 0.5, capacity_t_per_yr = 5000 } } })
    end
  end,
}
