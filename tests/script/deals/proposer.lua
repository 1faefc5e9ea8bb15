-- proposer.lua -- plays the United States in tests/script/test_deals.c: checks act.propose,
-- act.can_propose and their refusals at turn 0, proposes an alliance with Japan, and at turn 1
-- accepts Japan's counter if there is one. Prints "DEALS OK turn N", or the failed checks and
-- then raises an error.

local failed = 0
local function check(cond, what)
  if not cond then
    failed = failed + 1
    print("FAIL " .. what)
  end
end

local function refused(fragment, what, ok, msg)
  check(ok == false and type(msg) == "string" and msg:find(fragment, 1, true) ~= nil,
        what .. ": got " .. tostring(ok) .. ", " .. tostring(msg))
end

local ALLIANCE = { parties = { "USA", "JPN" }, term = 4,
                   clauses = { { kind = "alliance", from = "USA", to = "JPN" } } }

local function offtake(price, extra)
  local c = { kind = "offtake", from = "JPN", to = "USA", good = "magnet",
              tonnes_per_turn = 10, price = price }
  for k, v in pairs(extra or {}) do c[k] = v end
  return { term = 4, clauses = { c } }
end

local function turn0(view, act, memory)
  check(#view.deals() == 0, "no deals at the start")
  check(act.can_propose(ALLIANCE) == true, "can_propose an alliance")
  -- the core's refusals, unchanged
  refused("amounts and prices must not be negative", "negative price",
          act.can_propose(offtake(-5)))
  refused("names CHN, who is not party to the deal", "a clause about a nation not party",
          act.propose({ parties = { "USA", "JPN" }, term = 4,
                        clauses = { { kind = "alliance", from = "CHN", to = "JPN" } } }))
  refused("term must be 1 to 80 quarters", "term", act.can_propose({ term = 0, clauses = ALLIANCE.clauses }))
  refused("needs 1 to 8 clauses, has 0", "no clauses",
          act.can_propose({ parties = { "USA", "JPN" }, term = 4, clauses = {} }))
  refused("needs 2 to 8 parties, has 1", "one party", act.can_propose({ term = 4, clauses = {} }))
  -- the binding's: names and types
  refused("unknown kind 'trade'", "kind", act.can_propose({ term = 4, clauses = { { kind = "trade" } } }))
  refused("no field 'tonnes' (its fields: kind, from, to, good, tonnes_per_turn, price)", "misspelt field",
          act.can_propose({ term = 4, clauses = { { kind = "offtake", from = "JPN", to = "USA",
                            good = "magnet", tonnes = 10 } } }))
  refused("to: unknown nation 'XXX'", "nation", act.can_propose(offtake(1, { to = "XXX" })))
  refused("unknown good 'gold'", "good", act.can_propose(offtake(1, { good = "gold" })))
  refused("answer: argument 2 (answer): \"accept\" or \"reject\", got maybe", "answer word",
          act.can_answer(0, "maybe"))
  refused("no deal 7", "answer to no deal", act.can_answer(7, "accept"))
  -- the deal takes id 0 and appears when the turn ends
  local ok, id = act.propose(ALLIANCE)
  check(ok == true and id == 0, "propose: " .. tostring(ok) .. ", " .. tostring(id))
  check(#view.deals() == 0, "the proposal is made when the turn ends")
  refused("no deal 0", "not answerable before the turn ends", act.can_answer(0, "accept"))
  memory.id = id
end

local function turn1(view, act, memory)
  local deals = view.deals()
  local d = view.deal(memory.id)
  check(d ~= nil and d.proposer == "USA" and d.parties[2] == "JPN", "view.deal")
  check(type(d.value_musd) == "number" and type(d.text) == "string", "value and text")
  check(d.clauses[1].kind == "alliance" and d.clauses[1].from == "USA", "clauses")
  print("DEAL " .. d.status .. " revision " .. d.revision .. " term " .. d.term ..
        " listed " .. #deals)
  if d.status == "proposed" and d.revision == 1 then
    check(d.accepted.JPN == true and d.accepted.USA == false, "a counter resets acceptance")
    check(act.can_counter(d.id, { term = 3.0, clauses = d.clauses }) == true, "can_counter")
    refused("term must be 1 to 80 quarters, got 99", "a counter the core refuses",
            act.can_counter(d.id, { term = 99, clauses = d.clauses }))
    check(act.can_answer(d.id, "accept") == true, "can_answer")
    check(act.answer(d.id, "accept") == true, "answer")
  elseif d.status == "active" or d.status == "rejected" then
    refused("deal 0 is " .. d.status .. ", no longer open", "answer a closed deal",
            act.can_answer(d.id, "reject"))
  end
end

return {
  api_version = 1,
  init = function(view, memory) memory.id = -1 end,
  turn = function(view, act, memory)
    if view.turn == 0 then turn0(view, act, memory) elseif view.turn == 1 then turn1(view, act, memory) end
    if failed > 0 then error(failed .. " checks failed") end
    print("DEALS OK turn " .. view.turn)
  end,
}
