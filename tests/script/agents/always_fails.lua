-- always_fails.lua -- an agent whose every turn raises an error (for the fallback test).
return { api_version = 1, turn = function(view, act) error("always fails") end }
