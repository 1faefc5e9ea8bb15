-- hostile at load: a memory bomb at the top level
local s = "x"
while true do s = s .. s end
return { api_version = 1, turn = function() end }
