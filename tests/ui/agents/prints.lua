-- prints.lua -- a test agent for the replay viewer: it prints one line a turn and orders nothing.
return {
  api_version = 1,
  name = "Prints",
  turn = function(view, act, memory) print("prints sees turn " .. tostring(view.turn)) end,
}
