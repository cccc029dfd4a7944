-- delete_dead: removes one dead task for good.
-- KEYS[1] settings
-- ARGV[1] task id
-- Returns DONE, or NOT_FOUND when there is no such dead task.
-- Emits: deleted.
-- Other keys of the queue it names (qkey): dead, done, events, hist, state, stats, tasks.
local id = ARGV[1]
if redis.call('ZREM', qkey(KEYS[1], 'dead'), id) == 0 then return NOT_FOUND end
forget(KEYS[1], id)
emit(KEYS[1], 'deleted', id)
return DONE
