-- hostile: memory every save must keep exactly (issue 14, findings 1 and 8): tables nested 40
-- deep (the writer once pushed past the Lua stack at 16), the smallest and largest integers
-- (math.mininteger came back as a float), -0.0, infinities and NaN, and strings of any bytes.
-- Each turn it checks what it kept and raises an error if anything changed; it orders a tariff
-- that depends on its memory, so a save that loses something changes the game.
local DEPTH = 40

local function check(memory)
  local t, depth = memory.deep, 1
  while t.next do t, depth = t.next, depth + 1 end
  assert(depth == DEPTH, "deep memory is " .. depth .. " levels, not " .. DEPTH)
  assert(math.type(memory.mini) == "integer" and memory.mini == math.mininteger, "mininteger")
  assert(math.type(memory.maxi) == "integer" and memory.maxi == math.maxinteger, "maxinteger")
  assert(math.type(memory.two) == "float" and memory.two == 2.0, "2.0 stays a float")
  assert(1 / memory.negzero == -math.huge, "-0.0")
  assert(memory.inf == math.huge and memory.ninf == -math.huge, "infinities")
  assert(memory.nan ~= memory.nan, "NaN")
  assert(memory.bytes == "\0\1\2\255\n\r\27[31m" .. string.rep("\0", 100), "bytes")
  assert(memory[math.mininteger] == "min key" and memory[0.5] == "half key" and memory[true] == "yes",
         "keys of every kind")
end

return {
  api_version = 1,
  init = function(view, memory)
    local t = {}
    memory.deep = t
    for i = 2, DEPTH do t.next = {}; t = t.next end
    memory.mini, memory.maxi, memory.two = math.mininteger, math.maxinteger, 2.0
    memory.negzero, memory.inf, memory.ninf, memory.nan = -0.0, math.huge, -math.huge, 0 / 0
    memory.bytes = "\0\1\2\255\n\r\27[31m" .. string.rep("\0", 100)
    memory[math.mininteger], memory[0.5], memory[true] = "min key", "half key", "yes"
    memory.turns = 0
  end,
  turn = function(view, act, memory)
    check(memory)
    memory.turns = memory.turns + 1
    act.set_tariff("magnet", "CHN", 0.01 * (memory.turns % 7))
  end,
}
