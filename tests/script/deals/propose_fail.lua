-- propose_fail.lua -- proposes a deal and then fails its turn: the proposal must be dropped (tests/script/test_deals.c).
return {
  api_version = 1,
  turn = function(view, act)
    assert(act.propose({ term = 4, clauses = { { kind = "alliance", from = "USA", to = "JPN" } } }))
    error("boom after proposing")
  end,
}
