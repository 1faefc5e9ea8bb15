-- reject.lua -- rejects every deal offered (tests/script/test_deals.c).
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function() return "reject" end,
}
