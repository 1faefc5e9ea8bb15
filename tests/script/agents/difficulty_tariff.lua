-- difficulty_tariff.lua -- plays by view.difficulty, so a game at each level differs (tests/script/test_difficulty.c, tests/session/test_difficulty.c, tests/cli/test_difficulty.sh).
local rate = { easy = 0.05, normal = 0.15, hard = 0.40 }
return {
  api_version = 1,
  name = "Difficulty tariff",
  init = function(view, memory) memory.seen_at_init = view.difficulty end,
  turn = function(view, act, memory)
    local level = view.difficulty
    assert(rate[level], "view.difficulty is " .. tostring(level))
    print("difficulty " .. level .. " turn " .. view.turn)
    act.set_tariff("magnet", "CHN", rate[level])
  end,
}
