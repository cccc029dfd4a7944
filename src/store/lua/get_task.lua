-- get_task: reads one task and where it is (read only).
-- KEYS[1] settings, KEYS[2] tasks, KEYS[3] state
-- ARGV[1] task id
-- Returns {} no such task, else {encoded task, state JSON ('' none), where ('due',
-- 'active', 'dead' or 'done'), score, attempt history JSON ('' none)}.
local id = ARGV[1]
local blob = redis.call('HGET', KEYS[2], id)
if not blob then return {} end
local st = get_state(KEYS[3], id)
local where, score = locate(KEYS[1], id, st)
return {blob, redis.call('HGET', KEYS[3], id) or '', where or 'due', score or '0',
  redis.call('HGET', qkey(KEYS[1], 'hist'), id) or ''}
