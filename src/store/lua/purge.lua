-- purge: removes every task of a queue (waiting, in flight, dead and retained
-- finished ones) and keeps the queue. Results of requests in flight are discarded
-- when they finish.
-- KEYS[1] settings
-- Returns {DONE, tasks removed} or {NO_QUEUE}.
-- Emits purged (count). Keys: the task keys (see prelude.lua).
if redis.call('EXISTS', KEYS[1]) == 0 then return {NO_QUEUE} end
local n = redis.call('HLEN', qkey(KEYS[1], 'tasks'))
unlink_task_keys(KEYS[1])
redis.call('HDEL', KEYS[1], 'blocked')
emit(KEYS[1], 'purged', '', 'count', n)
return {DONE, n}
