-- hostile at load: os.execute at the top level
os.execute("touch /tmp/chokepoint-pwned")
return { api_version = 1, turn = function() end }
