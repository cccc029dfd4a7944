-- hand_back: a shutting-down process returns a task whose request it cut off. The
-- task is due again at once and the cut-off attempt is not counted.
-- KEYS[1] due, KEYS[2] active, KEYS[3] state
-- ARGV[1] task id, ARGV[2] lease token, ARGV[3] now (ms), ARGV[4] wake channel,
-- ARGV[5] wake message
-- Returns DONE, or LEASE_LOST when the lease is no longer held.
-- Emits: retrying.
-- Other keys of the queue it names (qkey): due, events, fdue:<key>, flowact, flows, stats.
local id, now = ARGV[1], tonumber(ARGV[3])
local st = held(KEYS[2], KEYS[3], id, ARGV[2])
if not st then return LEASE_LOST end
st.a = st.a - 1
put_state(KEYS[3], id, st)
redis.call('ZREM', KEYS[2], id)
release(KEYS[1], st, now)
emit(KEYS[1], 'retrying', id, 'attempt', st.a, 'error', 'handed back: the HTQ process stopped', 'at', now)
enqueue(KEYS[1], st, id, now)
publish(ARGV[4], ARGV[5])
return DONE
