-- hostile: an init that works only at turn 0 (it runs again when a saved game is loaded): the
-- load must not be refused for it, since the saved memory replaces what init makes.
return {
  api_version = 1,
  init = function(view, memory)
    if view.turn ~= 0 then error("I only start at turn 0") end
    memory.turns = 0
  end,
  turn = function(view, act, memory)
    memory.turns = memory.turns + 1
    act.set_tariff("magnet", "CHN", 0.01 * memory.turns)
  end,
}
