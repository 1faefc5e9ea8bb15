-- accept.lua -- accepts every deal offered (tests/script/test_deals.c).
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function(view, deal, memory)
    assert(deal.proposer == "USA" and deal.status == "proposed", "the deal as a table")
    assert(deal.accepted.USA == true and deal.accepted.JPN == false, "acceptances")
    assert(type(deal.value_musd) == "number", "its value")
    print("offered " .. deal.text)
    return "accept"
  end,
}
