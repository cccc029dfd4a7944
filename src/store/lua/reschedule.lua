-- reschedule: a variable task answered something other than `done`; it runs again
-- at the given time with the given run count.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] active, KEYS[4] state
-- ARGV[1] task id, ARGV[2] lease token, ARGV[3] next run (ms), ARGV[4] run count,
-- ARGV[5] HTTP status (0 none), ARGV[6] error text, ARGV[7] wake channel,
-- ARGV[8] wake message
-- Returns 1 done, 0 the lease is no longer held (result discarded; also when the
-- queue was deleted meanwhile, so a deleted queue leaves no orphan task).
local id = ARGV[1]
local st = held(KEYS[3], KEYS[4], id, tonumber(ARGV[2]))
if not st then return 0 end
st.r = tonumber(ARGV[4])
st.s = tonumber(ARGV[5])
st.e = ARGV[6]
put_state(KEYS[4], id, st)
redis.call('ZREM', KEYS[3], id)
redis.call('ZADD', KEYS[2], ARGV[3], id)
wake_blocked(KEYS[1], ARGV[7], ARGV[8])
return 1
