-- supplier_says_no.lua -- a dominant supplier that licenses heavy oxide and magnets to every
-- nation from the first quarter and refuses every deal: the hostile partner the shipped buyers
-- must answer (tests/script/test_buyers.sh).
return {
  api_version = 1,
  name = "Supplier says no",
  on_proposal = function(view, deal, memory)
    return "reject", "no deals"
  end,
  turn = function(view, act, memory)
    if view.turn ~= 0 then return end
    for _, good in ipairs({ "heavy_oxide", "magnet" }) do
      act.set_export_control(good, "all", "licensed", 0.5)
    end
  end,
}
