-- green_bloc.lua -- a green, cautious importer (the European way): open trade, processing at home.
--
-- What moves an importer's score is the magnet price its users pay (docs/strategy.md,
-- "A buyer"): above the reference price they use less, and the need not met counts
-- against security, GDP and political calm. The bloc lowers that price without ever
-- closing its market:
--
-- Strategy. Stay open: no tariffs, imports from whoever sells.
--  * Talk, not tariffs: while China licenses our heavy oxide or magnets, ask it to
--    suspend its controls towards us for two years, and ask again before the
--    suspension runs out; a refusal is answered with an offtake at a small premium
--    (we remain its customer), and after two refusals we wait a year.
--  * Back processing, never mines (slow to permit them at home): a subsidy for
--    separation and magnet plants, and new magnet plants at home as far as the
--    treasury and the coming budgets pay for them while they would still run for
--    a good part of the game.
--  * Magnets recycled from scrap are not in the model, so a small stockpile stands
--    in for them: bought while magnets are near their normal price, released when a
--    shortage bites or China tightens its licences on us.
-- Figures (bench/bench_personalities.sh, 100 seeds): see docs/strategy.md.
-- Suits France, Germany or Estonia.
--
-- Bargaining. Join alliances: the first member of the bloc (in BLOC order)
-- proposes a five-year buyers' club of the bloc's members, who cover each
-- other's shortages from their stockpiles, and proposes it again when it
-- ends. Sign any alliance offered and any suspension of controls towards us;
-- anything else only when it pays.
--
-- Difficulty (view.difficulty). "easy" decides every other quarter, asks for a
-- suspension only after a year under licence, and builds half-size plants.
-- "normal" is the play above. "hard" also prepays its plants so they are built
-- faster and renews a suspension a quarter earlier, and it asks view.forecast
-- (when the host offers it) whether releasing the stockpile beats holding it
-- over the next two quarters. It does not vet its plants by forecast: a plant
-- pays after about ten quarters, past the forecast's eight, and vetting them
-- that way cost 0.2 points (20 seeds, JPN).

local RIVAL = "CHN"
local SCARCE = { "heavy_oxide", "magnet" }
local SUBSIDY = 0.2
local STOCK_QUARTERS = 0.5   -- stockpile target, in quarters of magnet demand
local MAX_PRICE = 1.15       -- buy for the stockpile only below 1.15 times the reference price
local BITES = 0.08           -- a shortage of this share of demand is one to release into
local BLOC = { "FRA", "DEU", "EST", "ITA", "ESP", "NLD", "POL", "SWE" }
local ALLIANCE_TERM = 20
local TRUCE_TERM = 8         -- quarters of suspension asked for
local SWEETENER = 0.1        -- share of our magnet demand offered to the supplier...
local PREMIUM = 1.05         -- ...at this much over its price
local PLANT_SIZES = { 10000, 5000, 2000 }
local MIN_RUN_QUARTERS = 12  -- build only if the game has this many quarters left
local BUDGET_SHARE = 0.5     -- share of the coming budgets a build may count on

local function try(act, name, ...)
  if act["can_" .. name](...) then return act[name](...) end
  return false
end

local function level(view)
  local d = view.difficulty
  return (d == "easy" or d == "hard") and d or "normal"
end

-- Is deal 'd' (a view.deal table, or nil) waiting, agreed or in force?
local function live(d)
  return d ~= nil and (d.status == "proposed" or d.status == "agreed" or d.status == "active")
end

-- The rival's controls towards us: whether any is set, and the fewest
-- quarters of suspension left on them (0: none suspended).
local function controls(view)
  local r = view.nations[RIVAL]
  if not r or RIVAL == view.iso3 then return false, 0 end
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

-- Ask the rival to suspend its controls towards us, sweetened by an offtake
-- at a premium once it has said no. memory.truce: the deal asked for;
-- memory.refused: refusals in a row; memory.wait_until: no ask before then.
local function seek_truce(view, act, memory, lvl)
  local any, left = controls(view)
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
  local clauses = { { kind = "suspend", from = RIVAL, to = view.iso3, good = "all" } }
  local r = view.nations[RIVAL]
  if (memory.refused or 0) > 0 or memory.sweet then
    local tonnes = math.floor(view.me.demand_t.magnet * SWEETENER / 10) * 10
    local price = math.ceil(r.producer_price_usd_per_kg.magnet * PREMIUM)
    if tonnes >= 10 and price > 0 then
      clauses[2] = { kind = "offtake", from = RIVAL, to = view.iso3, good = "magnet",
                     tonnes_per_turn = tonnes, price = price }
    end
  end
  local deal = { parties = { view.iso3, RIVAL }, term = TRUCE_TERM, clauses = clauses }
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

-- The magnet stockpile: released when a shortage bites or China tightens
-- its licences on us, topped up while magnets are near their normal price;
-- at "hard" a move is made only if a two-quarter forecast scores it no
-- worse than holding.
local function stockpile(view, act, tightened, lvl)
  local me = view.me
  local have, demand = me.stockpile_t.magnet, me.demand_t.magnet
  local price = me.price_paid_usd_per_kg.magnet
  local ref = view.constants.goods_params.magnet.reference_price_usd_per_kg
  local o
  if have > 0 and (tightened or me.shortage_t.magnet > BITES * demand) then
    o = { order = "release_stockpile", good = "magnet", tonnes = math.min(have, demand / 4) }
  elseif have < STOCK_QUARTERS * demand and price < MAX_PRICE * ref and me.treasury_musd > 500 then
    o = { order = "buy_stockpile", good = "magnet",
          tonnes = math.max(1, (STOCK_QUARTERS * demand - have) / 4) }
  end
  local t = o and o.order == "release_stockpile" and lvl == "hard"
                and forecast_totals(view, { { o }, {} }, 2)
  if o and not (t and t[1] < t[2]) then try(act, o.order, o.good, o.tonnes) end
end

-- Has the rival cut the share it approves for us since last quarter?
local function tightened(view, memory)
  local r = view.nations[RIVAL]
  if not r or RIVAL == view.iso3 then return false end
  local cut = false
  memory.share = memory.share or {}
  for _, good in ipairs(SCARCE) do
    local mode, share, suspended = r.policy.export_control(good, view.iso3)
    local now = (mode == "open" or suspended > 0) and 1 or (mode == "banned" and 0 or share)
    if memory.share[good] and now < memory.share[good] - 1e-9 then cut = true end
    memory.share[good] = now
  end
  return cut
end

-- The bloc's members in this game, us included, in BLOC order (kept: they never change).
local bloc
local function members(view)
  if not bloc then
    bloc = {}
    for _, iso in ipairs(BLOC) do
      if view.nations[iso] then bloc[#bloc + 1] = iso end
    end
  end
  return bloc
end

-- Propose the club if we lead the bloc and the last one we proposed is
-- neither waiting nor running.
local function lead_alliance(view, act, memory)
  local list = members(view)
  if list[1] ~= view.iso3 or #list < 2 then return end
  if live(memory.alliance and view.deal(memory.alliance)) then return end
  local clauses = {}
  for i = 1, #list do
    for j = i + 1, #list do
      if #clauses < 8 then
        clauses[#clauses + 1] = { kind = "alliance", from = list[i], to = list[j] }
      end
    end
  end
  local deal = { term = ALLIANCE_TERM, clauses = clauses }
  if act.can_propose(deal) then
    local ok, id = act.propose(deal)
    memory.alliance = ok and id or nil
  end
end

return {
  api_version = 1,
  name = "Green bloc",

  on_proposal = function(view, deal, memory)
    for _, c in ipairs(deal.clauses) do
      local ours = c.to == view.iso3 and (c.kind == "suspend" or c.kind == "licence")
      if not (ours or c.kind == "alliance") then
        return deal.value_musd > 0 and "accept" or "reject"
      end
    end
    return "accept"
  end,

  turn = function(view, act, memory)
    local me = view.me
    local lvl = level(view)
    -- open trade, once at the start
    if view.turn == 0 then
      for _, good in ipairs(view.constants.goods) do
        if me.policy.tariff(good, RIVAL) > 0 then try(act, "set_tariff", good, "all", 0) end
      end
      for _, kind in ipairs({ "separation", "magnet_plant" }) do
        if me.policy.subsidy[kind] < SUBSIDY then try(act, "set_subsidy", kind, SUBSIDY) end
      end
    end
    if view.turn % 4 == 0 then lead_alliance(view, act, memory) end
    if lvl == "easy" and view.turn % 2 == 1 then return end     -- decides every other quarter
    local cut = tightened(view, memory)
    seek_truce(view, act, memory, lvl)
    stockpile(view, act, cut, lvl)
    build_at_home(view, act, lvl)
    if lvl == "hard" then prepay(view, act) end
  end,
}
