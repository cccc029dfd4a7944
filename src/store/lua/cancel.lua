-- cancel: removes a task wherever it is. An in-flight request cannot be called back;
-- its finishing script will find the lease gone and discard the result.
-- KEYS[1] due, KEYS[2] active, KEYS[3] tasks, KEYS[4] state, KEYS[5] dead,
-- KEYS[6] settings
-- ARGV[1] task id, ARGV[2] wake channel, ARGV[3] wake message (a cancelled request
-- frees a slot: processes waiting on a full queue are told)
-- Returns {0} no such task, else {1, encoded task, state JSON ('' none),
-- where ('due', 'active' or 'dead'), its score there}.
local id = ARGV[1]
local blob = redis.call('HGET', KEYS[3], id)
if not blob then return {0} end
local where, score = 'due', redis.call('ZSCORE', KEYS[1], id)
if not score then where, score = 'active', redis.call('ZSCORE', KEYS[2], id) end
if not score then where, score = 'dead', redis.call('ZSCORE', KEYS[5], id) end
local st = redis.call('HGET', KEYS[4], id) or ''
redis.call('ZREM', KEYS[1], id)
redis.call('ZREM', KEYS[2], id)
redis.call('ZREM', KEYS[5], id)
redis.call('HDEL', KEYS[3], id)
redis.call('HDEL', KEYS[4], id)
if where == 'active' then wake_blocked(KEYS[6], ARGV[2], ARGV[3]) end
return {1, blob, st, where, score or '0'}
