-- example_planner.lua -- the worked strategy of docs/agents.md: plan, remember, follow through.
--
-- Strategy. Watch the magnet shortage. When it has lasted two quarters, hedge at
-- once with a stockpile and start a magnet plant at home (it takes about two
-- years); fund the plant while it is being built; once it produces, run the
-- stockpile down. The plan lives in memory, so it survives saving the game.

local SHORT_TURNS = 2          -- quarters of shortage before acting
local PLANT_T_PER_YR = 2000    -- size of the plant to build

local function try(act, name, ...)
  if act["can_" .. name](...) then return act[name](...) end
  return false
end

-- The plant this agent started, if it still exists (its id is in memory).
local function my_plant(view, memory)
  if memory.plant_id == nil then return nil end
  return view.facilities[memory.plant_id + 1]
end

return {
  api_version = 1,
  name = "Example planner",

  init = function(view, memory)
    memory.short_turns = 0     -- quarters in a row with a magnet shortage
    memory.phase = "watch"     -- watch -> building -> producing
  end,

  turn = function(view, act, memory)
    local me = view.me
    if me.shortage_t.magnet > 0 then
      memory.short_turns = memory.short_turns + 1
    else
      memory.short_turns = 0
    end

    if memory.phase == "watch" and memory.short_turns >= SHORT_TURNS then
      try(act, "buy_stockpile", "magnet", me.demand_t.magnet / 2)
      if try(act, "build_facility", "magnet_plant", PLANT_T_PER_YR) then
        memory.phase = "building"
        memory.started = view.turn
      end
    elseif memory.phase == "building" then
      -- the plant gets its id when the turn is resolved: find it by owner and start turn
      if memory.plant_id == nil then
        for _, f in ipairs(view.facilities_of(view.iso3)) do
          if f.funder == view.iso3 and f.kind == "magnet_plant" and f.start_turn == memory.started then
            memory.plant_id = f.id
          end
        end
      end
      local plant = my_plant(view, memory)
      if plant and plant.stage == "construction" and me.treasury_musd > 500 then
        try(act, "fund_facility", plant.id, 20)
      elseif plant and plant.stage == "operating" then
        memory.phase = "producing"
      end
    elseif memory.phase == "producing" and me.stockpile_t.magnet > 0 then
      try(act, "release_stockpile", "magnet", math.min(me.stockpile_t.magnet, me.demand_t.magnet / 8))
    end
  end,
}
