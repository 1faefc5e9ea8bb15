-- init raises an error
return { api_version = 1,
  init = function(view) error("cannot start") end,
  turn = function() end }
