-- get_task: reads one task and where it is (read only).
-- KEYS[1] settings, KEYS[2] tasks, KEYS[3] state
-- ARGV[1] task id
-- Returns {NOT_FOUND}, else {DONE, encoded task, state JSON ('' none), where ('due',
-- 'active', 'dead' or 'done'), score, attempt history JSON ('' none)}.
-- Emits: nothing.
-- Other keys of the queue it names (qkey): due, fdue:<key>, hist.
local id = ARGV[1]
local blob = redis.call('HGET', KEYS[2], id)
if not blob then return {NOT_FOUND} end
local st = get_state(KEYS[3], id)
local where, score = locate(KEYS[1], id, st)
return {DONE, blob, redis.call('HGET', KEYS[3], id) or '', where or 'due', score or '0',
  redis.call('HGET', qkey(KEYS[1], 'hist'), id) or ''}
