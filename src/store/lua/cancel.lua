-- cancel: removes a task that has not finished. An in-flight request cannot be
-- called back; its finishing script will find the lease gone and discard the
-- result. Kept for the queue's retention like a finished task. Its outcome goes to
-- the outbox, for callbacks on cancel (see outbox).
-- KEYS[1] settings, KEYS[2] tasks, KEYS[3] state
-- ARGV[1] task id, ARGV[2] now (ms), ARGV[3] wake channel, ARGV[4] wake message (a
-- cancelled request frees a slot: processes waiting on a full queue are told)
-- Returns {NOT_FOUND}, {FINISHED}, else {DONE, encoded task,
-- state JSON as it was ('' none), where ('due', 'active' or 'dead'), its score there}.
-- Emits: cancelled.
-- Other keys of the queue it names (qkey): cbox, done, due, events, fdue:<key>, flowact, flows, hist, state, stats, tasks.
local id, now = ARGV[1], tonumber(ARGV[2])
local blob = redis.call('HGET', KEYS[2], id)
if not blob then return {NOT_FOUND} end
local raw = redis.call('HGET', KEYS[3], id) or ''
local st = get_state(KEYS[3], id)
local where, score, set = locate(KEYS[1], id, st)
if where == 'done' then return {FINISHED} end
if set then redis.call('ZREM', set, id) end
if where == 'active' then
  release(KEYS[1], st, now)
  wake_blocked(KEYS[1], ARGV[3], ARGV[4])
end
emit(KEYS[1], 'cancelled', id)
-- A dead task had its outcome already.
if where ~= 'dead' then outbox(KEYS[1], id, st, 'c', outcome_meta(id, st, 'c', now)) end
finished(KEYS[1], id, st, 'c', now)
return {DONE, blob, raw, where or 'due', score or '0'}
