-- kit_truce.lua -- issue 19's deal tools (tests/script/test_deals.c): view.deal_value, the
-- breach warning of act.can_set_tariff, act.withdraw. Plays the United States beside
-- accept.lua in Japan; China's seat is empty, so a deal offered to China stays open.
local failed = 0
local function check(cond, what)
  if not cond then failed = failed + 1; print("FAIL " .. what) end
end

local TRUCE = { parties = { "USA", "JPN" }, term = 8, clauses = {
  { kind = "tariff", from = "USA", to = "JPN", good = "magnet", rate = 0.05 },
} }

return {
  api_version = 1,
  turn = function(view, act, memory)
    failed = 0
    if view.turn == 0 then
      local v = view.deal_value(TRUCE)
      check(type(v.USA) == "number" and type(v.JPN) == "number", "deal_value: a value for each party")
      check(v.CHN == nil, "deal_value: none for a nation not party")
      local ok, msg = pcall(view.deal_value, { term = 4, clauses = { { kind = "tariff", from = "USA" } } })
      check(not ok and tostring(msg):find("deal_value: ", 1, true), "deal_value: bad terms are an error: " .. tostring(msg))
      local _, truce = act.propose(TRUCE)
      local _, open = act.propose({ term = 4, clauses = {
        { kind = "tariff", from = "USA", to = "CHN", good = "magnet", rate = 0.1 } } })
      memory.truce, memory.open = truce, open
      local ok2, q = act.can_set_tariff("magnet", "JPN", 0.3)
      check(ok2 == true and q.breaks_deal == nil, "no warning before the deal is agreed")
    elseif view.turn == 1 then
      check(view.deal(memory.truce).status == "active", "the truce is in force")
      local ok, q = act.can_set_tariff("magnet", "JPN", 0.3)
      check(ok == true and q.breaks_deal == memory.truce, "can_set_tariff warns of the deal it breaks: " .. tostring(q.breaks_deal))
      check(q.warning and q.warning:find("above the 5% agreed", 1, true), "the warning says why: " .. tostring(q.warning))
      check(q.cost_now_musd == 0 and q.cost_total_musd == 0, "a tariff costs nothing")
      local ok3, q3 = act.can_set_tariff("magnet", "JPN", 0.05)
      check(ok3 == true and q3.breaks_deal == nil, "a tariff at the cap breaks nothing")
      local ok4, q4 = act.can_set_tariff("all", "all", 0.5)
      check(ok4 == true and q4.breaks_deal == memory.truce, "a tariff on all goods from all breaks it too")
      local ok5, q5 = act.can_build_facility("separation", 5000)
      check(ok5 == true and q5.cost_total_musd > 0 and q5.cost_now_musd > 0 and q5.cost_now_musd < q5.cost_total_musd,
            "a plant's quote: its down payment now and its capital cost")
      check(act.can_withdraw(memory.open) == true, "can_withdraw an open proposal")
      local no, why = act.can_withdraw(memory.truce)
      check(no == false and why:find("is active", 1, true), "a deal in force cannot be withdrawn: " .. tostring(why))
      local no2, why2 = act.can_withdraw(99)
      check(no2 == false and why2:find("no deal 99", 1, true), "an unknown deal: " .. tostring(why2))
      check(act.withdraw(memory.open) == true, "withdraw")
      local built, id = act.build_facility("separation", 5000)
      check(built == true and id == #view.facilities, "build_facility answers the id its plant will get: " .. tostring(id))
      memory.plant = id
    elseif view.turn == 2 then
      check(view.deal(memory.open).status == "withdrawn", "withdrawn when the turn ended")
      local f = view.facilities[memory.plant + 1]
      check(f and f.funder == "USA" and f.kind == "separation" and f.start_turn == 1,
            "the plant has the id build_facility gave")

    end
    if failed > 0 then error(failed .. " checks failed") end
    print("KIT OK turn " .. view.turn)
  end,
}
