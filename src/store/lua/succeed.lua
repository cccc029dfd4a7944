-- succeed: a task's request succeeded; the task is removed.
-- KEYS[1] settings, KEYS[2] active, KEYS[3] tasks, KEYS[4] state
-- ARGV[1] task id, ARGV[2] lease token, ARGV[3] wake channel, ARGV[4] wake message
-- Returns 1 done, 0 the lease is no longer held (result discarded).
local id = ARGV[1]
if not held(KEYS[2], KEYS[4], id, tonumber(ARGV[2])) then return 0 end
redis.call('ZREM', KEYS[2], id)
redis.call('HDEL', KEYS[3], id)
redis.call('HDEL', KEYS[4], id)
wake_blocked(KEYS[1], ARGV[3], ARGV[4])
return 1
