-- get_task: reads one task and where it is (read only).
-- KEYS[1] due, KEYS[2] active, KEYS[3] tasks, KEYS[4] state, KEYS[5] dead
-- ARGV[1] task id
-- Returns {} no such task, else {encoded task, state JSON ('' none), where, score}.
local id = ARGV[1]
local blob = redis.call('HGET', KEYS[3], id)
if not blob then return {} end
local where, score = 'due', redis.call('ZSCORE', KEYS[1], id)
if not score then where, score = 'active', redis.call('ZSCORE', KEYS[2], id) end
if not score then where, score = 'dead', redis.call('ZSCORE', KEYS[5], id) end
return {blob, redis.call('HGET', KEYS[4], id) or '', where, score or '0'}
