-- hostile: view.forecast with every bad argument (issue 22): quarters 0, -1, 1e9, NaN, 2.5, a
-- string; orders that are not a table, an order that is not a table, an unknown order, a wrong
-- field, a bad good, two names for one field, 10,000 orders. Each is a Lua error naming what is
-- wrong, caught here and checked; then the turn fails on purpose, so the game shows it went on.
return { api_version = 1, turn = function(view, act)
  local function refused(fragment, ...)
    local ok, msg = pcall(view.forecast, ...)
    assert(not ok, "accepted: " .. fragment)
    assert(string.find(tostring(msg), fragment, 1, true), "'" .. tostring(msg) .. "' lacks '" .. fragment .. "'")
  end
  local tariff = { order = "set_tariff", good = "magnet", origin = "CHN", rate = 0.2 }
  refused("quarters must be a whole number 1 to 8, got 0", {}, 0)
  refused("quarters must be a whole number 1 to 8, got -1", {}, -1)
  refused("quarters must be a whole number 1 to 8, got 1000000000", {}, 1e9)
  refused("quarters must be a whole number 1 to 8, got", {}, 0 / 0)
  refused("quarters must be a whole number 1 to 8, got 2.5", {}, 2.5)
  refused("quarters must be a whole number 1 to 8, got string", {}, "4")
  refused("argument 1 (orders) must be a list of order tables", "set_tariff")
  refused("argument 1 (orders) must be a list of order tables", nil, 4)
  refused("order 2 must be a table", { tariff, 5 })
  refused("order 1: unknown order 'set_tarif'", { { order = "set_tarif" } })
  refused("order 1: field 'order' must name the order kind", { { good = "magnet" } })
  refused("order 1 (set_tariff): unknown field 'rat'", { { order = "set_tariff", good = "magnet", origin = "CHN", rat = 0.2 } })
  refused("order 1 (set_tariff): a field whose name is not a string", { { order = "set_tariff", good = "magnet", origin = "CHN", rate = 0.2, [1] = 3 } })
  refused("unknown good 'magnt'", { { order = "set_tariff", good = "magnt", origin = "CHN", rate = 0.2 } })
  refused("give either 'rate' or 'amount', not both", { { order = "set_tariff", good = "magnet", origin = "CHN", rate = 0.2, amount = 0.1 } })
  refused("(rate) must be at least 0, got -1", { { order = "set_tariff", good = "magnet", origin = "CHN", rate = -1 } })
  local many = {}
  for i = 1, 10000 do many[i] = tariff end
  refused("at most 64 orders, got 10000", many)
  error("every bad forecast refused")
end }
