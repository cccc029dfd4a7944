-- delete_dead: removes one dead task for good.
-- KEYS[1] settings
-- ARGV[1] task id
-- Returns 1 deleted, 0 no such dead task.
local id = ARGV[1]
if redis.call('ZREM', qkey(KEYS[1], 'dead'), id) == 0 then return 0 end
forget(KEYS[1], id)
emit(KEYS[1], 'deleted', id)
return 1
