-- finish: records how an attempt ended, if the lease is still held.
--   succeed     the task is done: retained for the queue's retention, else removed
--   retry       it waits again until ARGV[5]
--   reschedule  variable queues: it runs again at ARGV[5] with run count ARGV[6]
--   dead        it failed for good and moves to the dead-letter set, whose bounds
--               may evict the oldest dead tasks (with an `evicted` event each)
-- A task with a flow key frees its key's slot. The attempt joins the task's history.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] active, KEYS[4] state
-- ARGV[1] mode, ARGV[2] task id, ARGV[3] lease token, ARGV[4] now (ms), ARGV[5] next
-- time (ms, retry and reschedule), ARGV[6] run count (reschedule), ARGV[7] HTTP
-- status (0 none), ARGV[8] error text, ARGV[9] wake channel, ARGV[10] wake message,
-- ARGV[11] attempt record JSON ('' none)
-- Returns DONE, or LEASE_LOST when the lease is no longer held (result discarded; also when the
-- queue was deleted meanwhile, so a deleted queue leaves no orphan task).
-- Emits: dead, evicted, rescheduled, retrying, succeeded.
-- Other keys of the queue it names (qkey): dead, done, due, events, fdue:<key>, flowact, flows, hist, state, stats, tasks.
local mode, id, now = ARGV[1], ARGV[2], tonumber(ARGV[4])
local st = held(KEYS[3], KEYS[4], id, ARGV[3])
if not st then return LEASE_LOST end
redis.call('ZREM', KEYS[3], id)
release(KEYS[1], st, now)
local conf = redis.call('HMGET', KEYS[1], 'history', 'retention_ms')
local status = tonumber(ARGV[7])
if mode == 'succeed' then
  emit(KEYS[1], 'succeeded', id, 'status', status)
elseif mode == 'retry' then
  emit(KEYS[1], 'retrying', id, 'attempt', st.a, 'status', status, 'error', ARGV[8], 'at', ARGV[5])
elseif mode == 'reschedule' then
  emit(KEYS[1], 'rescheduled', id, 'status', status, 'at', ARGV[5])
else
  emit(KEYS[1], 'dead', id, 'status', status, 'error', ARGV[8])
end
if mode == 'retry' or mode == 'dead' then tally(KEYS[1], 'failed') end
if mode == 'succeed' and (tonumber(conf[2] or '0') or 0) <= 0 then
  -- Removed at once: no history to keep.
  forget(KEYS[1], id)
else
  record(KEYS[1], id, st, ARGV[11], tonumber(conf[1] or '10') or 10)
  st.s = status
  st.e = ARGV[8]
  if mode == 'succeed' then
    finished(KEYS[1], id, st, 's', now)
  elseif mode == 'retry' then
    put_state(KEYS[4], id, st)
    enqueue(KEYS[1], st, id, ARGV[5])
  elseif mode == 'reschedule' then
    st.r = tonumber(ARGV[6])
    -- A variable task runs for ever: only interruptions in a row count.
    st.i = 0
    put_state(KEYS[4], id, st)
    enqueue(KEYS[1], st, id, ARGV[5])
  else
    put_state(KEYS[4], id, st)
    bury(KEYS[1], id, now)
  end
end
wake_blocked(KEYS[1], ARGV[9], ARGV[10])
return DONE
