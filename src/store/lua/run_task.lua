-- run_task: a waiting task moves to the front of its queue (or of its flow key),
-- due now whatever its schedule; a dead task goes back with fresh attempts (see
-- revive).
-- KEYS[1] settings, KEYS[2] tasks, KEYS[3] state
-- ARGV[1] task id, ARGV[2] now (ms), ARGV[3] wake channel, ARGV[4] wake message,
-- ARGV[5] 'dead' to act only on a dead task (RetryDeadTask), '' for any
-- Returns {NOT_FOUND}, {WRONG_STATE, where}, else {DONE, due
-- time, encoded task, state JSON ('' none)}: the task as it is now.
-- Emits: rescheduled.
-- Other keys of the queue it names (qkey): due, events, fdue:<key>, flows, state, stats.
local id, now = ARGV[1], tonumber(ARGV[2])
if redis.call('HEXISTS', KEYS[2], id) == 0 then return {NOT_FOUND} end
local st = get_state(KEYS[3], id)
local where, score, set = locate(KEYS[1], id, st)
if where == nil or where == 'active' or where == 'done' or (ARGV[5] == 'dead' and where ~= 'dead') then
  return {WRONG_STATE, where or 'unknown'}
end
local at = now
local reason = 'run now'
if where == 'dead' then
  redis.call('ZREM', set, id)
  revive(KEYS[1], id, st)
  reason = 'dead task retried'
else
  local head = first_score(set)
  if head ~= '' and tonumber(head) <= now then at = tonumber(head) - 1 end
  redis.call('ZREM', set, id)
end
enqueue(KEYS[1], st, id, at)
emit(KEYS[1], 'rescheduled', id, 'at', at, 'reason', reason)
publish(ARGV[3], ARGV[4])
return {DONE, string.format('%d', at), redis.call('HGET', KEYS[2], id),
  redis.call('HGET', KEYS[3], id) or ''}
