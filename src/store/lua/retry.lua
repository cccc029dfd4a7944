-- retry: a task's request failed and may be tried again at a later time.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] active, KEYS[4] state
-- ARGV[1] task id, ARGV[2] lease token, ARGV[3] retry time (ms), ARGV[4] HTTP status
-- (0 none), ARGV[5] error text, ARGV[6] wake channel, ARGV[7] wake message
-- Returns 1 done, 0 the lease is no longer held (result discarded).
local id = ARGV[1]
local st = held(KEYS[3], KEYS[4], id, tonumber(ARGV[2]))
if not st then return 0 end
st.s = tonumber(ARGV[4])
st.e = ARGV[5]
put_state(KEYS[4], id, st)
redis.call('ZREM', KEYS[3], id)
redis.call('ZADD', KEYS[2], ARGV[3], id)
wake_blocked(KEYS[1], ARGV[6], ARGV[7])
return 1
