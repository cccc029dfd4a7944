-- delete_queue: removes a queue's settings and every key it has, in one step.
-- KEYS[1] settings
-- Returns 1 deleted, 0 no such queue.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for _, key in ipairs(redis.call('ZRANGE', qkey(KEYS[1], 'flows'), 0, -1)) do
  if key ~= '' then redis.call('UNLINK', qkey(KEYS[1], 'fdue:' .. key)) end
end
for _, name in ipairs({'queue', 'due', 'active', 'tasks', 'state', 'dead', 'done', 'hist',
    'flows', 'flowact', 'pace', 'dedup', 'dedupx', 'events', 'stats', 'imported'}) do
  redis.call('UNLINK', qkey(KEYS[1], name))
end
return 1
