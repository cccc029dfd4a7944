-- purge: removes every task of a queue (scheduled, due, in flight and dead) and
-- keeps the queue. Results of requests in flight are discarded when they finish.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] active, KEYS[4] tasks, KEYS[5] state, KEYS[6] dead
-- Returns the number of tasks removed, or -1 when the queue does not exist.
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = redis.call('HLEN', KEYS[4])
redis.call('UNLINK', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
redis.call('HDEL', KEYS[1], 'blocked')
return n
