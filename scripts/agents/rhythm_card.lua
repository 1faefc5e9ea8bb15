-- rhythm_card.lua -- a dominant supplier playing the "rhythm card".
--
-- Strategy. Keep heavy oxides and magnets under licence and move the approval
-- share up and down in a yearly rhythm, so that buyers feel every shipment is
-- a favour. Squeeze harder the nations that tariff Chinese goods or stop
-- selling ore to China; ease for the others. When rivals' new plants come
-- close to production, ease for everyone: cheap supply undercuts them. Never
-- a total ban: that would only speed up rival mines. The technology ban and
-- the tracking system stay on. Suits a nation that dominates processing.

local GOODS = { "heavy_oxide", "magnet" }
-- approval shares: { friendly, hostile } for each good
local SHARE = { heavy_oxide = { 0.7, 0.4 }, magnet = { 0.9, 0.7 } }
local SQUEEZE = 0.2      -- taken off every share in the tight half of the rhythm
local STEP = 0.05        -- smaller changes are not worth an order
local TARIFFED = { "light_oxide", "heavy_oxide", "magnet" }

-- Does 'n' tariff our goods or refuse to sell us ore?
local function hostile(n, me)
  local policy = n.policy
  for _, good in ipairs(TARIFFED) do
    if policy.tariff(good, me) > 0 then return true end
  end
  return policy.export_control("ore", me) == "banned"
end

-- Rivals' separation and magnet plants that will soon produce.
local function rival_projects(view)
  local count = 0
  for _, f in ipairs(view.facilities) do
    if f.host ~= view.iso3 and f.kind ~= "mine"
       and (f.stage == "construction" or f.stage == "ramp_up") then
      count = count + 1
    end
  end
  return count
end

-- Licence 'good' to 'dest' at 'share' unless that is already (nearly) so.
local function license(policy, act, good, dest, share)
  local mode, current = policy.export_control(good, dest)
  if mode == "licensed" and math.abs(current - share) < STEP then return end
  if act.can_set_export_control(good, dest, "licensed", share) then
    act.set_export_control(good, dest, "licensed", share)
  end
end

return {
  api_version = 1,
  name = "Rhythm card",

  init = function(view, memory)
    memory.rivals = rival_projects(view)
  end,

  turn = function(view, act, memory)
    if view.turn % 2 ~= 0 then return end            -- a review every half year
    local rivals = rival_projects(view)
    local rivals_closing_in = rivals > memory.rivals
    memory.rivals = rivals
    local tight = (view.turn // 4) % 2 == 1 and not rivals_closing_in
    local mine = view.me.policy
    for _, n in ipairs(view.nations) do
      if n.iso3 ~= view.iso3 then
        local kind = hostile(n, view.iso3) and 2 or 1
        for _, good in ipairs(GOODS) do
          local share = SHARE[good][kind] - (tight and SQUEEZE or 0)
          license(mine, act, good, n.iso3, share)
        end
      end
    end
    for _, switch in ipairs({ "set_tech_ban", "set_tracking" }) do
      local on = switch == "set_tech_ban" and view.me.policy.tech_ban or view.me.policy.tracking
      if not on and act["can_" .. switch](true) then act[switch](true) end
    end
  end,
}
