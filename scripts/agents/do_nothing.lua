-- do_nothing.lua -- the smallest valid agent: it never issues an order.
--
-- Its nation keeps the policies it starts with. Tests compare hostile agents
-- against it: an agent whose turn fails must leave the world exactly as this
-- one does.
return {
  api_version = 1,
  name = "Do nothing",
  turn = function(view, act, memory) end,
}
