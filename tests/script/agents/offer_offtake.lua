-- offer_offtake.lua -- proposes an offtake of NdPr oxide from Australia at a
-- price far under the market at turn 0, then prints what its turn report says
-- of the deal (tests/script/test_reasons.sh reads the lines).
return {
  api_version = 1,
  turn = function(view, act)
    if view.turn == 0 then
      assert(act.propose({ term = 8, clauses = {
        { kind = "offtake", from = "AUS", to = view.iso3, good = "light_oxide",
          tonnes_per_turn = 200, price = 1 } } }))
    elseif view.turn == 1 then
      for _, d in ipairs(view.report().deals) do
        print("REPORT " .. tostring(d.by) .. " " .. d.what .. ": " .. d.text)
      end
    end
  end,
}
