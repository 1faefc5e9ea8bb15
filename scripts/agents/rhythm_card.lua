-- rhythm_card.lua -- a dominant supplier playing the "rhythm card".
--
-- Strategy. Keep most of the raw ore at home and make every shipment of
-- oxide and magnets a favour. Ore exports are licensed, 30% of requests
-- approved: rival separation plants abroad go short of feed, and China's
-- share of the world's separation (half of its leverage) rises. (A total
-- ore ban pays a little more, but takes China's 2030 share of separation
-- past the IEA outlook's range that `chokepoint validate` holds the model
-- to: 85.3% against at most 85%.) Heavy oxides and magnets stay under licence, with
-- the approval share moved up and down in a yearly rhythm, so that buyers
-- feel every shipment is a favour; about half of the magnet requests pass,
-- so that magnets stay at home (no shortage at home: security, prosperity
-- and stability) while enough leave that buyers do not build rival plants
-- (a tighter licence gives back in leverage what it wins at home).
-- Squeeze harder the nations that tariff Chinese goods or stop selling ore
-- to China; ease for the others. When rivals' new plants come close to
-- production, ease for everyone: cheap supply undercuts them. Never a
-- total ban on magnets: it loses more leverage than it wins at home. The
-- technology ban and the tracking system stay on. What it is worth in
-- China's seat (docs/strategy.md, 100 seeds): +0.44 points over
-- an empty seat on baseline, +0.29 on licensing-2025 (random orders: +0.17,
-- +0.14), where the old shares (magnets 0.9/0.7 approved, ore sold freely)
-- were worth nothing. China's score is near its top (~91) and only its
-- leverage and stability have room to move.
--
-- Bargaining. In the tight half of the rhythm, offer each nation that
-- tariffs our goods a one-year suspension of all our controls towards it in
-- exchange for halving those tariffs (the 2025 truce); the controls come back
-- by themselves when it ends, and the offer returns two years later. A
-- suspended route is left alone: re-imposing it would break the deal. A
-- favour has its price: a nation that asks us to suspend our controls
-- towards it gets it only if it does not tariff us and buys magnets under
-- contract at 5% or more over our producer price (asking 25% cost the
-- buyers' seats more than it gave China: China's score is the same within
-- 0.05 points either way). Other offers are accepted only when they pay.
--
-- Difficulty (view.difficulty). Easy reviews once a year, never squeezes
-- and leaves ore exports open; hard asks view.forecast whether the tight
-- half of the rhythm pays over the coming year against holding the shares,
-- and holds when it does not.

local GOODS = { "heavy_oxide", "magnet" }
-- approval shares: { friendly, hostile } for each good
local SHARE = { heavy_oxide = { 0.5, 0.3 }, magnet = { 0.6, 0.5 } }
local SQUEEZE = 0.15     -- taken off every share in the tight half of the rhythm
local STEP = 0.05        -- smaller changes are not worth an order
local TARIFFED = { "light_oxide", "heavy_oxide", "magnet" }
local TRUCE_TURNS = 4    -- a suspension lasts a year
local OFFER_EVERY = 8    -- quarters between two offers to the same nation
local FAVOUR = 1.05       -- a suspension is sold at 5% over our producer price
local FIRST_OFFER = 5    -- not before the scheduled tariffs of the first year are in force

-- Does 'n' tariff our goods or refuse to sell us ore?
local function hostile(n, me)
  local policy = n.policy
  for _, good in ipairs(TARIFFED) do
    if policy.tariff(good, me) > 0 then return true end
  end
  return policy.export_control("ore", me) == "banned"
end

-- Rivals' separation and magnet plants that will soon produce.
local function rival_projects(view)
  local count = 0
  for _, f in ipairs(view.facilities) do
    if f.host ~= view.iso3 and f.kind ~= "mine"
       and (f.stage == "construction" or f.stage == "ramp_up") then
      count = count + 1
    end
  end
  return count
end

-- Licence 'good' to 'dest' at 'share' unless that is already (nearly) so or
-- the route is suspended under a deal.
local function license(policy, act, good, dest, share)
  local mode, current, suspended = policy.export_control(good, dest)
  if suspended > 0 or (mode == "licensed" and math.abs(current - share) < STEP) then return end
  if act.can_set_export_control(good, dest, "licensed", share) then
    act.set_export_control(good, dest, "licensed", share)
  end
end

-- Offer 'n' a year's suspension of our controls for half its tariffs on our goods.
-- (An offer waits at most a year and a truce lasts one, so two offers two
-- years apart never overlap.)
local function offer_truce(view, act, memory, n)
  local last = memory.offered[n.iso3]
  if last and view.turn - last < OFFER_EVERY then return end
  local clauses = { { kind = "suspend", from = view.iso3, to = n.iso3, good = "all" } }
  for _, good in ipairs(TARIFFED) do
    local rate = n.policy.tariff(good, view.iso3)
    if rate > 0 then
      clauses[#clauses + 1] = { kind = "tariff", from = n.iso3, to = view.iso3, good = good,
                                rate = math.floor(rate * 10) / 20 }   -- half, in steps of 5%
    end
  end
  if #clauses == 1 then return end                   -- no tariff to cut: no truce
  local deal = { parties = { view.iso3, n.iso3 }, term = TRUCE_TURNS, clauses = clauses }
  if act.can_propose(deal) then
    act.propose(deal)
    memory.offered[n.iso3] = view.turn
  end
end

-- Does the tight half of the rhythm pay over the coming year? Compares,
-- by view.forecast, the seat's score over the next four quarters with the
-- squeeze's magnet licences against holding today's.
local function squeeze_pays(view, orders)
  local hold = view.forecast({}, 4)
  local tight = view.forecast(orders, 4)
  return tight.window.total >= hold.window.total
end

return {
  api_version = 1,
  name = "Rhythm card",

  -- A favour has its price: our controls are suspended only for a nation
  -- that does not tariff us and buys under contract at FAVOUR times our
  -- producer price. Anything else is accepted when it pays.
  on_proposal = function(view, deal, memory)
    local suspends, paid = false, false
    for _, c in ipairs(deal.clauses) do
      if c.kind == "suspend" and c.from == view.iso3 then suspends = true end
      if c.kind == "offtake" and c.from == view.iso3 and c.price > 0
         and c.price >= FAVOUR * view.me.producer_price_usd_per_kg[c.good] then
        paid = true
      end
    end
    if suspends and deal.proposer ~= view.iso3 then     -- (our own truce offers are fine)
      local other = view.nation(deal.proposer)
      if not (other and paid and not hostile(other, view.iso3)) then return "reject" end
    end
    return deal.value_musd > 0 and "accept" or "reject"
  end,

  init = function(view, memory)
    memory.rivals = rival_projects(view)
    memory.offered = {}
  end,

  turn = function(view, act, memory)
    local level = view.difficulty or "normal"
    local every = level == "easy" and 4 or 2         -- a review every half year (easy: a year)
    if view.turn % every ~= 0 then return end
    memory.offered = memory.offered or {}
    local rivals = rival_projects(view)
    local rivals_closing_in = rivals > memory.rivals
    memory.rivals = rivals
    local squeeze = level ~= "easy" and (view.turn // 4) % 2 == 1
    local tight = squeeze and not rivals_closing_in
    local bargain = squeeze and view.turn >= FIRST_OFFER
    local mine = view.me.policy
    if tight and level == "hard" then
      local orders = {}
      for _, n in ipairs(view.nations) do
        if n.iso3 ~= view.iso3 then
          local kind = hostile(n, view.iso3) and 2 or 1
          orders[#orders + 1] = { order = "set_export_control", good = "magnet", destination = n.iso3,
                                  mode = "licensed", approval_share = SHARE.magnet[kind] - SQUEEZE }
        end
      end
      tight = squeeze_pays(view, orders)
    end
    -- most of the ore stays at home (easy sells it)
    if level ~= "easy" and not memory.ore_kept then
      if act.can_set_export_control("ore", "all", "licensed", 0.3) then
        act.set_export_control("ore", "all", "licensed", 0.3)
        memory.ore_kept = true
      end
    end
    for _, n in ipairs(view.nations) do
      if n.iso3 ~= view.iso3 then
        local kind = hostile(n, view.iso3) and 2 or 1
        if bargain and kind == 2 then
          offer_truce(view, act, memory, n)
        end
        for _, good in ipairs(GOODS) do
          local share = SHARE[good][kind] - (tight and SQUEEZE or 0)
          license(mine, act, good, n.iso3, share)
        end
      end
    end
    for _, switch in ipairs({ "set_tech_ban", "set_tracking" }) do
      local on = switch == "set_tech_ban" and view.me.policy.tech_ban or view.me.policy.tracking
      if not on and act["can_" .. switch](true) then act[switch](true) end
    end
  end,
}
