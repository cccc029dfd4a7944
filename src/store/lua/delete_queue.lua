-- delete_queue: removes a queue's settings and every task in it, in one step.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] active, KEYS[4] tasks, KEYS[5] state, KEYS[6] dead,
-- KEYS[7] imported
-- Returns 1 deleted, 0 no such queue.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('UNLINK', unpack(KEYS))
return 1
