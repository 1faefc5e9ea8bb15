-- fails.lua -- a test agent for the replay viewer: every turn it raises an error.
return {
  api_version = 1,
  name = "Fails",
  turn = function(view, act, memory) error("fails on purpose") end,
}
