-- no turn function
return { api_version = 1 }
