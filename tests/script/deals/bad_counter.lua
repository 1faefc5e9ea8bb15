-- bad_counter.lua -- counters with a deal the core refuses: a negative term (tests/script/test_deals.c).
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function(view, deal)
    return { term = -1, clauses = deal.clauses }
  end,
}
