-- decoupler.lua -- a buyer that cuts its dependence on one supplier.
--
-- Strategy. Tariff the dominant supplier's oxides and magnets, and raise the
-- tariff a step each year while it restricts exports. Build separation and
-- magnet capacity at home, and put money into projects that are under way.
-- Back home producers with a price floor for NdPr oxide. Suits the United
-- States or Canada.
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

local RIVAL = "CHN"
local TARIFF_STEP, TARIFF_MAX = 0.05, 0.5
local OFFTAKE_TERM, OFFTAKE_SHARE, PREMIUM = 8, 0.25, 1.05
local COINVEST_CASH = 2000    -- treasury (USD millions) above which we co-invest abroad

-- The nation producing most magnets, if not us: the supplier to decouple from.
local function rival(view)
  if view.nations[RIVAL] and RIVAL ~= view.iso3 then return RIVAL end
  local best, best_t = nil, 0
  for _, n in ipairs(view.nations) do
    if n.iso3 ~= view.iso3 and n.magnets_t > best_t then best, best_t = n.iso3, n.magnets_t end
  end
  return best
end

-- Does the rival restrict what it sells us?
local function restricted(view, r)
  local mode_h = view.nations[r].policy.export_control("heavy_oxide", view.iso3)
  local mode_m = view.nations[r].policy.export_control("magnet", view.iso3)
  return mode_h ~= "open" or mode_m ~= "open"
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
    if view.turn % 4 ~= 1 then return end            -- once a year
    local r = rival(view)
    memory.caps = memory.caps or {}
    local caps = {}                                  -- the caps still binding us
    for _, c in ipairs(memory.caps) do
      if c.ends > view.turn then caps[#caps + 1] = c end
    end
    memory.caps = caps
    if r and restricted(view, r) then
      for _, good in ipairs({ "light_oxide", "heavy_oxide", "magnet" }) do
        local rate = view.me.policy.tariff(good, r)
        local top = TARIFF_MAX
        for _, c in ipairs(caps) do
          if c.good == good and c.origin == r then top = math.min(top, c.rate) end
        end
        if rate < top then
          try(act, "set_tariff", good, r, math.min(top, rate + TARIFF_STEP))
        end
      end
    end
    -- home capacity: one new plant a year while none of that kind is under way
    local kind = (view.turn // 4) % 2 == 0 and "separation" or "magnet_plant"
    if #projects(view, kind) == 0 then
      for _, size in ipairs({ 10000, 5000, 2000 }) do
        if try(act, "build_facility", kind, size) then break end
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
