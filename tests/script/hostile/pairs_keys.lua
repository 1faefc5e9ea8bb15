-- hostile: pairs over tables keyed by userdata (view nations), coroutines and C functions,
-- which stock Lua visits in address order: a different game in every process (issue 14,
-- finding 3). The agent prints the order it saw and taxes the first nation it visited.
return {
  api_version = 1,
  turn = function(view, act, memory)
    local by_nation, by_thread, by_cfunction, mixed = {}, {}, {}, {}
    for i, n in ipairs(view.nations) do by_nation[n] = n.iso3 end
    for i = 1, 16 do by_thread[coroutine.create(function() end)] = i end
    local cfuncs = { print = print, len = string.len, floor = math.floor, insert = table.insert,
                     char = utf8.char, yield = coroutine.yield, select = select, type = type,
                     rawget = rawget, sub = string.sub, sqrt = math.sqrt, iter = ipairs({}),
                     tostring = tostring, pairs = pairs, next = next, pcall = pcall }
    for name, f in pairs(cfuncs) do by_cfunction[f] = name end
    mixed[view.me] = "me"; mixed[coroutine.running()] = "running"; mixed[print] = "print"
    mixed[{}] = "table"; mixed[function() end] = "closure"; mixed[true] = "true"; mixed[1] = "one"
    local seen = {}
    for _, t in ipairs({ by_nation, by_thread, by_cfunction, mixed }) do
      local order = {}
      for _, v in pairs(t) do order[#order + 1] = tostring(v) end
      seen[#seen + 1] = table.concat(order, ",")
    end
    print("ORDER " .. table.concat(seen, " | "))
    memory.order = seen
    local first = next(by_nation)
    local iso = first.iso3 ~= view.iso3 and first.iso3 or "CHN"
    act.set_tariff("magnet", iso, 0.01 * (view.turn + 1))
  end,
}
