-- garbage.lua -- an on_proposal that returns a number (tests/script/test_deals.c).
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function() return 42 end,
}
