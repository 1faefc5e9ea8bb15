-- counter.lua -- answers a deal with a counter: the same clauses for half the term (tests/script/test_deals.c).
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function(view, deal)
    if deal.revision > 0 then return nil end        -- its own counter: leave it open
    return { term = deal.term // 2, clauses = deal.clauses }
  end,
}
