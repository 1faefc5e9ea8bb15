-- hostile: integer arguments beyond what C's int holds, from China's seat. 4294967296 (2^32)
-- once became facility 0 and closed China's mines (issue 14, finding 11): every integer is
-- range-checked before it is converted. Prints "BIG INTS OK" when every call was refused or
-- answered sensibly, else raises an error.
local function refused(fragment, what, ok, why)
  if ok ~= false or type(why) ~= "string" or not why:find(fragment, 1, true) then
    error(what .. ": got " .. tostring(ok) .. ", " .. tostring(why), 2)
  end
end

return {
  api_version = 1,
  turn = function(view, act, memory)
    local huge = { 4294967296, 4294967296 + 1, -4294967296, math.maxinteger, math.mininteger }
    for _, id in ipairs(huge) do
      local name = string.format("%d", id)
      for _, f in ipairs({ "close_facility", "idle_facility", "can_close_facility" }) do
        refused("unknown facility " .. name, f .. "(" .. name .. ")", act[f](id))
      end
      refused("unknown facility " .. name, "fund_facility", act.fund_facility(id, 10))
      refused("whole number of turns", "suspend", act.suspend_export_control("magnet", "USA", id))
      refused("no deal", "answer(" .. name .. ")", act.answer(id, "accept"))
      refused("counter", "counter(" .. name .. ")", act.counter(id, { term = 4, clauses = {} }))
      if view.deal(id) ~= nil then error("view.deal(" .. name .. ") found a deal") end
      if view.history.nation("CHN", id) ~= nil then error("history at " .. name) end
      if view.history.market("magnet", id) ~= nil then error("market history at " .. name) end
      if type(view.news(id)) ~= "table" then error("news(" .. name .. ")") end
    end
    print("BIG INTS OK")
  end,
}
