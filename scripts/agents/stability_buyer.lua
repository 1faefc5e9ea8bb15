-- stability_buyer.lua -- a buyer that pays for calm: supply it controls, and peace with its supplier.
--
-- What moves a buyer's score. Almost all of it is the magnet price its users
-- pay: above the reference price they use less (elasticity 0.2), and the
-- need not met counts against security, costs GDP (prosperity) and raises
-- political pressure (stability), about 1.8 points of score per point of
-- shortage for Japan's weights. A stockpile does not change that price much;
-- what does is supply that no licence can hold up and the supplier's licences
-- themselves (docs/strategy.md, "A buyer").
--
-- Strategy. Security is bought with money, never with tariffs or bans:
--  * Calm with the dominant supplier: while China licenses our heavy oxide or
--    magnets, ask it to suspend its controls towards us for two years, and
--    ask again before the suspension runs out. A refusal is answered with a
--    sweeter offer (we buy part of our magnets from it at a small premium);
--    after two refusals we wait a year before asking again.
--  * Magnet plants at home, as far as the treasury and the coming budgets
--    pay for them, while a plant would still run for a good part of the game
--    (a magnet plant takes about two and a half years). Home output is the
--    supply no licence reaches, and it pulls the world's magnet price down.
--  * A strategic stockpile of magnets and Dy/Tb oxide, a quarter of demand,
--    bought only while prices are near normal and released when a shortage
--    bites or the supplier tightens its licences on us.
--  * Stakes abroad when money is left over: a separation plant in the
--    resource-rich partner, the way Japan backed Lynas after 2010.
-- Figures (bench/bench_personalities.sh, 100 seeds): see docs/strategy.md.
-- Suits Japan, South Korea, India.
--
-- Bargaining. Sign any offtake to us, any alliance and any suspension of
-- controls towards us; anything else when it pays. Every other year, unless
-- its last offtake of NdPr oxide is waiting or running, offer the largest
-- seller outside China a five-year offtake of a fifth of its exports at the
-- market price (volume, not a bargain, is what it buys).
--
-- Difficulty (view.difficulty). "easy" decides every other quarter, asks for
-- a suspension only after a year under licence, and builds half-size plants.
-- "normal" is the play above. "hard" also prepays its plants so they are
-- built faster and renews a suspension a quarter earlier, and it asks
-- view.forecast (when the host offers it) whether releasing the stockpile
-- beats holding it over the next two quarters. It does not vet its plants
-- by forecast: a plant pays after about ten quarters, past the forecast's
-- eight, and vetting them that way cost 0.2 points (20 seeds, JPN).

local RIVAL = "CHN"
local SCARCE = { "heavy_oxide", "magnet" }
local STOCK_QUARTERS = 0.25  -- stockpile target, in quarters of demand
local MAX_PRICE = 1.15       -- buy for the stockpile only below 1.15 times the reference price
local BITES = 0.08           -- a shortage of this share of demand is one to release into
local TRUCE_TERM = 8         -- quarters of suspension asked for
local SWEETENER = 0.1        -- share of our magnet demand offered to the supplier...
local PREMIUM = 1.05         -- ...at this much over its price
local PLANT_SIZES = { 10000, 5000, 2000 }
local MIN_RUN_QUARTERS = 12  -- build only if the game has this many quarters left
local BUDGET_SHARE = 0.5     -- share of the coming budgets a build may count on
local OFFTAKE_TERM, OFFTAKE_SHARE = 20, 0.2

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

-- The stockpile move for 'good', as an order table, or nil: release a
-- quarter's demand when a shortage bites (more than BITES of demand unmet)
-- or the supplier tightens its licences on us; top the stockpile up while
-- prices are near normal.
local function stockpile_move(view, good, tightened)
  local me = view.me
  local have = me.stockpile_t[good]
  local demand = me.demand_t[good]
  local price = me.price_paid_usd_per_kg[good]
  local ref = view.constants.goods_params[good].reference_price_usd_per_kg
  if have > 0 and (tightened or me.shortage_t[good] > BITES * demand) then
    return { order = "release_stockpile", good = good, tonnes = math.min(have, demand / 4) }
  elseif have < STOCK_QUARTERS * demand and price < MAX_PRICE * ref
         and me.treasury_musd > me.budget_musd_per_yr then
    local tonnes = math.min((STOCK_QUARTERS * demand - have) / 2,
                            0.05 * me.treasury_musd * 1e6 / (math.max(price, 1) * 1000))
    if tonnes >= 1 then return { order = "buy_stockpile", good = good, tonnes = tonnes } end
  end
  return nil
end

-- Make each scarce good's stockpile move; at "hard" only a move that a
-- two-quarter forecast scores no worse than holding.
local function stockpile(view, act, tightened, lvl)
  for _, good in ipairs(SCARCE) do
    local o = stockpile_move(view, good, tightened)
    local t = o and o.order == "release_stockpile" and lvl == "hard"
                and forecast_totals(view, { { o }, {} }, 2)
    if o and not (t and t[1] < t[2]) then try(act, o.order, o.good, o.tonnes) end
  end
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

-- A partner to invest in: the nation with most reserves that is not us or
-- the rival and does not ban ore exports to us.
local function partner(view)
  local best, best_r = nil, 0
  for _, n in ipairs(view.nations) do
    if n.iso3 ~= view.iso3 and n.iso3 ~= RIVAL and n.reserves_t > best_r
       and n.policy.export_control("ore", view.iso3) ~= "banned" then
      best, best_r = n.iso3, n.reserves_t
    end
  end
  return best
end

-- Offer a long offtake of NdPr oxide unless the last one we proposed is
-- waiting or running.
local function seek_offtake(view, act, memory)
  local d = memory.offtake and view.deal(memory.offtake)
  if live(d) then return end
  local avoid = d and d.status == "rejected" and d.parties[2] or nil   -- passed over once
  local best, best_t, me = nil, 0, view.iso3
  for _, n in ipairs(view.nations) do
    local t = n.exports_t.light_oxide
    if t > best_t and n.iso3 ~= me and n.iso3 ~= RIVAL and n.iso3 ~= avoid then
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
      local ours = c.to == view.iso3 and (c.kind == "offtake" or c.kind == "suspend"
                                           or c.kind == "licence")
      if not (ours or c.kind == "alliance") then
        return deal.value_musd > 0 and "accept" or "reject"
      end
    end
    return "accept"
  end,

  turn = function(view, act, memory)
    local lvl = level(view)
    if lvl == "easy" and view.turn % 2 == 1 then return end     -- decides every other quarter
    local cut = tightened(view, memory)
    seek_truce(view, act, memory, lvl)
    stockpile(view, act, cut, lvl)
    build_at_home(view, act, lvl)
    if lvl == "hard" then prepay(view, act) end
    if view.turn % 8 == 7 then seek_offtake(view, act, memory) end
    if view.turn % 8 == 3 and view.me.treasury_musd > 2 * view.me.budget_musd_per_yr then
      local p = partner(view)
      if p then try(act, "build_facility", "separation", 2000, p) end
    end
  end,
}
