-- green_bloc.lua -- a green, cautious importer (the European way).
--
-- Strategy. Stay open: no tariffs, imports from whoever sells. Slow to permit
-- mines at home, so it never builds one; it backs processing instead, with a
-- subsidy for separation and magnet plants and one new magnet plant when
-- magnets run short. Magnets recycled from scrap are not in the model, so the
-- stockpile stands in for them: a small one, bought when magnets are short and
-- released when the shortage eases. Suits France, Germany or Estonia.
--
-- Bargaining. Join alliances: the first member of the bloc (in BLOC order)
-- proposes a five-year buyers' club of the bloc's members, who cover each
-- other's shortages from their stockpiles, and proposes it again when it
-- ends. Sign any alliance offered; anything else only when it pays.

local SUBSIDY = 0.2
local STOCK_QUARTERS = 0.5   -- stockpile target, in quarters of magnet demand
local BLOC = { "FRA", "DEU", "EST", "ITA", "ESP", "NLD", "POL", "SWE" }
local ALLIANCE_TERM = 20

local function try(act, name, ...)
  if act["can_" .. name](...) then return act[name](...) end
  return false
end

local function building(view, kind)
  for _, f in ipairs(view.facilities_of(view.iso3)) do
    if f.funder == view.iso3 and f.kind == kind and f.stage ~= "operating"
       and f.stage ~= "idled" and f.stage ~= "closed" then
      return true
    end
  end
  return false
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
  local d = memory.alliance and view.deal(memory.alliance)
  if d and (d.status == "proposed" or d.status == "agreed" or d.status == "active") then return end
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
      if c.kind ~= "alliance" then return deal.value_musd > 0 and "accept" or "reject" end
    end
    return "accept"
  end,

  turn = function(view, act, memory)
    local me = view.me
    -- open trade, once at the start
    if view.turn == 0 then
      for _, good in ipairs(view.constants.goods) do
        if me.policy.tariff(good, "CHN") > 0 then try(act, "set_tariff", good, "all", 0) end
      end
      for _, kind in ipairs({ "separation", "magnet_plant" }) do
        if me.policy.subsidy[kind] < SUBSIDY then try(act, "set_subsidy", kind, SUBSIDY) end
      end
    end
    if view.turn % 4 == 0 then lead_alliance(view, act, memory) end
    local short = me.shortage_t.magnet
    local target = STOCK_QUARTERS * me.demand_t.magnet
    if short > 0 then
      if me.stockpile_t.magnet > 0 then
        try(act, "release_stockpile", "magnet", math.min(short, me.stockpile_t.magnet))
      elseif view.turn % 4 == 2 and not building(view, "magnet_plant") then
        try(act, "build_facility", "magnet_plant", 2000)
      end
    elseif me.stockpile_t.magnet < target and me.treasury_musd > 500 then
      try(act, "buy_stockpile", "magnet", math.max(1, (target - me.stockpile_t.magnet) / 4))
    end
  end,
}
