-- memory_counter.lua -- decides from its memory, to test that memory survives a save.
return {
  api_version = 1,
  init = function(view, memory) memory.n = 0; memory.log = {} end,
  turn = function(view, act, memory)
    memory.n = memory.n + 1
    memory.log[#memory.log + 1] = { turn = view.turn, price = view.markets.magnet.world_price_usd_per_kg }
    memory.nested = { ["a b"] = { true, false, 1.5, -0.0, 3, "quote\" and \\ and\nnewline\0zero" } }
    memory.big = 2^53 + 1.0
    memory.mini, memory.maxi = math.mininteger, math.maxinteger  -- integers stay integers
    local rate = (memory.n % 3) * 0.05
    if act.can_set_tariff("magnet", "all", rate) then act.set_tariff("magnet", "all", rate) end
  end,
}
