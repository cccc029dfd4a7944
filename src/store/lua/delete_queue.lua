-- delete_queue: removes a queue's settings and every key it has, in one step.
-- KEYS[1] settings
-- Returns DONE, or NO_QUEUE.
-- Emits nothing (the stream goes with the queue). Keys: all (see prelude.lua).
if redis.call('EXISTS', KEYS[1]) == 0 then return NO_QUEUE end
unlink_task_keys(KEYS[1])
for _, name in ipairs(QUEUE_KEYS) do redis.call('UNLINK', qkey(KEYS[1], name)) end
return DONE
