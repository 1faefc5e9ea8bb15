return { nations = { { iso3 = "AAA" } }, schedule = { { turn = 3, event = { kind = "earthquake", nation = "AAA" } } } }
