-- a syntax error on line 3
return { api_version = 1,
  turn = function(view act) end }
