-- fails.lua -- an on_proposal that accepts and then fails: its answer must be discarded (tests/script/test_deals.c).
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function(view, deal)
    local answer = "accept"
    error("no answer today")
    return answer
  end,
}
