-- written for a future API
return { api_version = 2, turn = function() end }
