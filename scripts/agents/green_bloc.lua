-- green_bloc.lua -- a green, cautious importer (the European way).
--
-- Strategy. Stay open: no tariffs, imports from whoever sells. Slow to permit
-- mines at home, so it never builds one; it backs processing instead, with a
-- subsidy for separation and magnet plants and one new magnet plant when
-- magnets run short. Magnets recycled from scrap are not in the model, so the
-- stockpile stands in for them: a small one, bought when magnets are short and
-- released when the shortage eases. Suits France, Germany or Estonia.

local SUBSIDY = 0.2
local STOCK_QUARTERS = 0.5   -- stockpile target, in quarters of magnet demand

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

return {
  api_version = 1,
  name = "Green bloc",

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
