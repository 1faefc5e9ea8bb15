-- hostile at load: a memory bomb at the top level (see ../memory_bomb.lua)
local function bomb(...) local keep = {} while true do keep[#keep + 1] = { ... } end end
bomb(table.unpack({}, 1, 100000))
return { api_version = 1, turn = function() end }
