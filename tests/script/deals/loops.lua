-- loops.lua -- an on_proposal that never returns (tests/script/test_deals.c).
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function(view, deal)
    while true do end
  end,
}
