-- retry_dead: puts every dead task of a queue back, due now with fresh attempts
-- (see revive), up to a batch; the caller repeats until none is left.
-- KEYS[1] settings, KEYS[2] state
-- ARGV[1] now (ms), ARGV[2] most tasks, ARGV[3] wake channel, ARGV[4] wake message
-- Returns {DONE, tasks put back} or {NO_QUEUE}.
-- Emits: rescheduled.
-- Other keys of the queue it names (qkey): dead, due, events, fdue:<key>, flows, state, stats.
if redis.call('EXISTS', KEYS[1]) == 0 then return {NO_QUEUE} end
local now = tonumber(ARGV[1])
local dead = qkey(KEYS[1], 'dead')
local ids = redis.call('ZRANGE', dead, 0, tonumber(ARGV[2]) - 1)
for _, id in ipairs(ids) do
  redis.call('ZREM', dead, id)
  local st = get_state(KEYS[2], id)
  revive(KEYS[1], id, st)
  enqueue(KEYS[1], st, id, now)
  emit(KEYS[1], 'rescheduled', id, 'at', now, 'reason', 'dead task retried')
end
if #ids > 0 then publish(ARGV[3], ARGV[4]) end
return {DONE, #ids}
