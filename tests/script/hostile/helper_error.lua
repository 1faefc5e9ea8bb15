-- helper_error.lua -- an error two helpers below turn (issue 19): the failure names each
-- frame (file:line and function), and check-agent says it once for every seat.
local function price_of(view, iso)
  local n = view.nations[iso]
  return n.score -- line 5: n is nil for "CHNA"
end

local function review(view)
  local p = price_of(view, "CHNA")
  return p
end

return {
  api_version = 1,
  turn = function(view, act, memory)
    local p = review(view)
    memory.p = p
  end,
}
