-- publish: a topic's messages, a task per endpoint and message (see push), in one
-- call: a topic's endpoint queues share its slot. The endpoints are those the
-- caller read at the topic's version: a topic changed since gets WRONG_STATE, and
-- the caller reads it again. A disabled endpoint (it answered 410 Gone), or one
-- whose queue is gone, gets none.
-- KEYS[1] the topic's hash; then per endpoint, push's four: settings, due, tasks,
-- state
-- ARGV[1] the topic's version as read, ARGV[2] e, the number of endpoints; then per
-- endpoint: its argument count a, then push's a arguments
-- Returns {DONE, then per endpoint push's reply, or SKIPPED when it is disabled},
-- {NOT_FOUND} when the topic is gone, {WRONG_STATE} when its version moved.
-- Emits: what push emits.
-- Other keys of the queue it names (qkey): those push names.
if redis.call('EXISTS', KEYS[1]) == 0 then return {NOT_FOUND} end
if redis.call('HGET', KEYS[1], 'ver') ~= ARGV[1] then return {WRONG_STATE} end
local out = {DONE}
local at = 3
for e = 0, tonumber(ARGV[2]) - 1 do
  local a = tonumber(ARGV[at])
  local k = 4 * e + 2
  local off = redis.call('HMGET', KEYS[k], 'max_concurrency', 'off')
  if not off[1] or off[2] == 'gone' then
    out[#out + 1] = SKIPPED
  else
    local args = {}
    for i = at + 1, at + a do args[#args + 1] = ARGV[i] end
    -- What the prelude reads once per call is read again for each queue.
    events_cap, events_grouped, conf_cache = nil, nil, nil
    out[#out + 1] = body_push({KEYS[k], KEYS[k + 1], KEYS[k + 2], KEYS[k + 3]}, args)
  end
  at = at + a + 1
end
return out
