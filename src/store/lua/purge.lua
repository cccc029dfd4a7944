-- purge: removes every task of a queue (waiting, in flight, dead and retained
-- finished ones) and keeps the queue. Results of requests in flight are discarded
-- when they finish.
-- KEYS[1] settings
-- Returns the number of tasks removed, or -1 when the queue does not exist.
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = redis.call('HLEN', qkey(KEYS[1], 'tasks'))
local flows = qkey(KEYS[1], 'flows')
for _, key in ipairs(redis.call('ZRANGE', flows, 0, -1)) do
  if key ~= '' then redis.call('UNLINK', qkey(KEYS[1], 'fdue:' .. key)) end
end
for _, name in ipairs({'due', 'active', 'tasks', 'state', 'dead', 'done', 'hist', 'flows', 'flowact', 'pace'}) do
  redis.call('UNLINK', qkey(KEYS[1], name))
end
redis.call('HDEL', KEYS[1], 'blocked')
emit(KEYS[1], 'purged', '', 'count', n)
return n
