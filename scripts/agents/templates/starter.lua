-- @NAME@.lua -- a starter agent made by `chokepoint new-agent` for @SEAT@: it answers
-- China's export licences with a tariff and keeps a small magnet stockpile while
-- magnets are short. Change it, then run ./test.sh (docs/agents.md explains the API).
--
-- The seat is chosen on the command line (`--agent @SEAT@=@NAME@.lua`); the agent reads
-- its own nation from view.iso3, so it also plays any other seat.

local TARIFF = 0.25   -- tariff on Chinese magnets while China licenses them, a share of the price
local HEDGE = 0.5     -- stockpile to buy when short, as a share of last quarter's demand

-- Ask the core first (act.can_<name>), then act: the agent never issues a refused order.
local function try(act, name, ...)
  if act["can_" .. name](...) then return act[name](...) end
  return false
end

return {
  api_version = 1,
  name = "@NAME@",

  -- once, before the first turn: memory holds what you decided, the world is in view
  ---@param view View
  ---@param memory table
  init = function(view, memory)
    memory.short_turns = 0
  end,

  -- once a quarter, before it is resolved
  ---@param view View
  ---@param act Act
  ---@param memory table
  turn = function(view, act, memory)
    local me = view.me
    -- 1. a tariff on Chinese magnets while China keeps them under licence
    if view.iso3 ~= "CHN" then
      local mode = view.nations.CHN.policy.export_control("magnet", view.iso3)
      local rate = mode == "open" and 0 or TARIFF
      if me.policy.tariff("magnet", "CHN") ~= rate then
        try(act, "set_tariff", "magnet", "CHN", rate)
      end
    end
    -- 2. after two short quarters in a row, buy a stockpile once; release it when supply is back
    memory.short_turns = me.shortage_t.magnet > 0 and memory.short_turns + 1 or 0
    if memory.short_turns == 2 then
      try(act, "buy_stockpile", "magnet", me.demand_t.magnet * HEDGE)
    elseif memory.short_turns == 0 and me.stockpile_t.magnet > 0 then
      try(act, "release_stockpile", "magnet", math.min(me.stockpile_t.magnet, me.demand_t.magnet / 8))
    end
  end,
}
