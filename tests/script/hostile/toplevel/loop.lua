-- hostile at load: an infinite loop at the top level
local x = 0
while true do x = x + 1 end
return { api_version = 1, turn = function() end }
