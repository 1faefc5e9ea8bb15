-- turns_reader.lua -- an agent whose play depends on view.turns, the turn its game ends at:
-- a tariff on Chinese magnets in short games only. test_tournament.sh holds a tournament's
-- row to its command's hash with it (a tournament once told agents the scenario's length
-- while the row's `sim --turns N` told them N).
return {
  api_version = 1,
  name = "Turns reader",
  turn = function(view, act)
    if view.turns < 10 and view.turn == 0 then
      act.set_tariff("magnet", "CHN", 0.25)
    end
  end,
}
