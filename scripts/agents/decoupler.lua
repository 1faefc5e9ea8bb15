-- decoupler.lua -- a buyer that cuts its dependence on one supplier.
--
-- Strategy. Tariff the dominant supplier's oxides and magnets, and raise the
-- tariff a step each year while it restricts exports. Build separation and
-- magnet capacity at home, and put money into projects that are under way.
-- Back home producers with a price floor for NdPr oxide. With money to spare,
-- invest in an ally's separation plant (the closest thing to an offtake
-- until deals exist). Suits the United States or Canada.

local RIVAL = "CHN"
local TARIFF_STEP, TARIFF_MAX = 0.05, 0.5
local ALLIES = { "AUS", "CAN", "USA", "JPN" }

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

return {
  api_version = 1,
  name = "Decoupler",

  turn = function(view, act, memory)
    if view.turn % 4 ~= 1 then return end            -- once a year
    local r = rival(view)
    if r and restricted(view, r) then
      for _, good in ipairs({ "light_oxide", "heavy_oxide", "magnet" }) do
        local rate = view.me.policy.tariff(good, r)
        if rate < TARIFF_MAX then
          try(act, "set_tariff", good, r, math.min(TARIFF_MAX, rate + TARIFF_STEP))
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
    -- invest in an ally when rich
    if view.me.treasury_musd > 3000 and view.turn % 8 == 1 then
      for _, ally in ipairs(ALLIES) do
        if ally ~= view.iso3 and view.nations[ally] and view.nations[ally].reserves_t > 0 then
          if try(act, "build_facility", "separation", 5000, ally) then break end
        end
      end
    end
  end,
}
