-- pairs_order.lua -- acts on the order in which pairs visits string- and table-keyed tables.
-- Stock Lua would visit them in an order that changes from run to run.
return {
  api_version = 1,
  turn = function(view, act, memory)
    local gdp = {}
    for _, n in ipairs(view.nations) do gdp[n.iso3 .. ":" .. n.name] = n.gdp_busd_per_yr end
    local visited = {}
    for key in pairs(gdp) do visited[#visited + 1] = key end
    local iso = visited[(view.turn * 7) % #visited + 1]:sub(1, 3)
    if iso ~= view.iso3 and act.can_set_tariff("magnet", iso, 0.01 * (view.turn + 1)) then
      act.set_tariff("magnet", iso, 0.01 * (view.turn + 1))
    end
    local objs = {}
    for i = 1, 10 do objs[{}] = i end
    local seq = {}
    for _, v in pairs(objs) do seq[#seq + 1] = v end
    memory.seq = table.concat(seq, ",")
    memory.first = next(gdp)
    memory.tostring = tostring(objs)
    memory.random = math.random(1000000)
  end,
}
