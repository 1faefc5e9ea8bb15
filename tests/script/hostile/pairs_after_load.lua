-- hostile: pairs over a table keyed by one of its own tables, a view object and a view
-- function, which the host makes when they are first asked for. Numbered by age, they came
-- in another order in a game saved and loaded than in the game never stopped, and so did
-- this agent's tariff: view objects are numbered by what they are instead.
return { api_version = 1, turn = function(view, act, memory)
  local mine = {}
  local t = { [mine] = "table", [view.facilities[1]] = "facility", [view.nation] = "function",
              [view.me.stock_t] = "stocks" }
  local order = {}
  for _, v in pairs(t) do order[#order + 1] = v end
  local first = order[1]
  local rate = first == "table" and 0.1 or first == "facility" and 0.2 or 0.3
  act.set_tariff("magnet", "CHN", rate + 0.01 * view.turn)
  print("order " .. table.concat(order, ","))
end }
