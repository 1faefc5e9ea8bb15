-- hostile: 28 MiB of NUL bytes in memory, under the 32 MiB cap (issue 14, finding 7): escaped
-- as text, each autosave was 118 MB and none loaded back. Kept as bytes, a save is about the
-- size of the memory and loads. (Building and keeping 28 MiB costs more than the default
-- instruction budget: play it with --agent-budget 10000000.)
return {
  api_version = 1,
  init = function(view, memory)
    memory.blob = {}
    local kib = string.rep("\0", 1024)
    for i = 1, 28 do memory.blob[i] = string.rep(kib, 1024) end  -- 28 MiB in all
    memory.turns = 0
  end,
  turn = function(view, act, memory)
    assert(#memory.blob == 28 and #memory.blob[28] == 1 << 20 and memory.blob[1]:byte(-1) == 0,
           "the blob is intact")
    memory.turns = memory.turns + 1
    act.set_tariff("magnet", "CHN", 0.01 * memory.turns)
  end,
}
