-- hostile: acts on the length (#) of tables with holes, which Lua answers from the table's
-- layout, and that layout depends on a string-hash seed Lua draws for every state from its
-- address and the clock (issue 14, finding 4). Debian's Lua library gives the host no way to
-- fix that seed, so check-agent must catch it: its two runs differ, here only in what the agent
-- prints, which check-agent compares too.
return { api_version = 1, turn = function(view, act, memory)
  local sum = 0
  for trial = 1, 300 do
    local t, nexti = {}, 1
    for step = 1, 120 do
      local r = math.random(6)
      if r <= 2 then t["s" .. math.random(30)] = true
      elseif r == 3 then t["s" .. math.random(30)] = nil
      elseif r == 4 then t[math.random(nexti + 1)] = nil
      else t[nexti] = true; nexti = nexti + math.random(2) end
    end
    sum = sum + #t
  end
  print("lengths add up to " .. sum)
end }
