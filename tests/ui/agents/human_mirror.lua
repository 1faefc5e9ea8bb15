-- human_mirror.lua -- the three turns tests/ui/test_human_orders.c plays through the window's
-- order builders (src/ui/orders_ui.c), played here through the agent API: a tariff on Chinese
-- magnets, a mine at home, an offtake deal offered to Australia.
return {
  api_version = 1,
  turn = function(view, act)
    if view.turn == 0 then
      assert(act.set_tariff("magnet", "CHN", 0.25))
    elseif view.turn == 1 then
      assert(act.build_facility("mine", 5000))
    elseif view.turn == 2 then
      assert(act.propose({ term = 8, clauses = {
        { kind = "offtake", from = "AUS", to = "USA", good = "light_oxide", tonnes_per_turn = 250 } } }))
    end
  end,
}
