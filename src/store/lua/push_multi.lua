-- push_multi: the pushes of several queues in one call (see push), for one Redis
-- (a Redis Cluster would refuse keys of several slots: there each queue's pushes
-- go alone). Each section is pushed as push does it, on its own: one refused
-- (NO_QUEUE) leaves the others stored.
-- KEYS: per section, push's four: settings, due, tasks, state
-- ARGV[1] s, the number of sections; then per section: its argument count a, then
-- push's a arguments
-- Returns {push's reply for each section, in order}.
-- Emits: what push emits.
-- Other keys of the queue it names (qkey): those push names.
local out = {}
local at = 2
for s = 0, tonumber(ARGV[1]) - 1 do
  local a = tonumber(ARGV[at])
  local args = {}
  for i = at + 1, at + a do args[#args + 1] = ARGV[i] end
  -- What the prelude reads once per call is read again for each queue.
  events_cap, events_grouped, conf_cache = nil, nil, nil
  out[s + 1] = body_push({KEYS[4 * s + 1], KEYS[4 * s + 2], KEYS[4 * s + 3], KEYS[4 * s + 4]}, args)
  at = at + a + 1
end
return out
