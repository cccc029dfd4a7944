-- count_tasks: a queue's tasks by state (read only).
-- KEYS[1] settings
-- ARGV[1] now (ms)
-- Returns {DONE, scheduled, due, active, dead, finished (retained), evicted (ever),
-- started (ever), failed (ever)}.
-- Emits: nothing.
-- Other keys of the queue it names (qkey): active, dead, done, due, fdue:<key>, flows, stats.
local now = ARGV[1]
local sets = {qkey(KEYS[1], 'due')}
for _, key in ipairs(redis.call('ZRANGE', qkey(KEYS[1], 'flows'), 0, -1)) do
  if key ~= '' then sets[#sets + 1] = qkey(KEYS[1], 'fdue:' .. key) end
end
local scheduled, due = 0, 0
for _, set in ipairs(sets) do
  due = due + redis.call('ZCOUNT', set, '-inf', now)
  scheduled = scheduled + redis.call('ZCOUNT', set, '(' .. now, '+inf')
end
local stats = redis.call('HMGET', qkey(KEYS[1], 'stats'), 'evicted', 'started', 'failed')
return {DONE, scheduled, due, redis.call('ZCARD', qkey(KEYS[1], 'active')),
  redis.call('ZCARD', qkey(KEYS[1], 'dead')), redis.call('ZCARD', qkey(KEYS[1], 'done')),
  tonumber(stats[1] or '0'), tonumber(stats[2] or '0'), tonumber(stats[3] or '0')}
