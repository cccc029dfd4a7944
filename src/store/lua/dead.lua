-- dead: a task failed for good (out of attempts, or a permanent error) and moves to
-- the dead-letter set, where it stays listable with its attempts and last error.
-- KEYS[1] settings, KEYS[2] active, KEYS[3] state, KEYS[4] dead
-- ARGV[1] task id, ARGV[2] lease token, ARGV[3] now (ms), ARGV[4] HTTP status (0 none),
-- ARGV[5] error text, ARGV[6] wake channel, ARGV[7] wake message
-- Returns 1 done, 0 the lease is no longer held (result discarded).
local id = ARGV[1]
local st = held(KEYS[2], KEYS[3], id, tonumber(ARGV[2]))
if not st then return 0 end
st.s = tonumber(ARGV[4])
st.e = ARGV[5]
put_state(KEYS[3], id, st)
redis.call('ZREM', KEYS[2], id)
redis.call('ZADD', KEYS[4], ARGV[3], id)
wake_blocked(KEYS[1], ARGV[6], ARGV[7])
return 1
