-- maintain: applies a queue's time bounds that nothing else triggers: dead tasks
-- older than dead_age_ms (and over dead_max) are evicted, retained finished tasks
-- past the retention are removed, expired idempotency keys are forgotten.
-- KEYS[1] settings
-- ARGV[1] now (ms), ARGV[2] most items of each kind per call
-- Returns {DONE, evicted, finished removed, when the next item expires ('' none, or
-- now when a limit was reached)}, or {NO_QUEUE}.
-- Emits: evicted.
-- Other keys of the queue it names (qkey): dead, dedup, dedupx, done, events, hist, state, stats, tasks.
if redis.call('EXISTS', KEYS[1]) == 0 then return {NO_QUEUE} end
local now, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
local evicted = trim_dead(KEYS[1], now, limit)
local keep = tonumber(redis.call('HGET', KEYS[1], 'retention_ms') or '0') or 0
local removed = trim_done(KEYS[1], now - keep, limit)
local dedup, dedupx = qkey(KEYS[1], 'dedup'), qkey(KEYS[1], 'dedupx')
local keys = redis.call('ZRANGE', dedupx, '-inf', now, 'BYSCORE', 'LIMIT', 0, limit)
for _, key in ipairs(keys) do
  redis.call('HDEL', dedup, key)
  redis.call('ZREM', dedupx, key)
end
local next = nil
local function sooner(t)
  if t and (next == nil or t < next) then next = t end
end
if evicted >= limit or removed >= limit or #keys >= limit then sooner(now) end
local age = tonumber(redis.call('HGET', KEYS[1], 'dead_age_ms') or '2592000000') or 2592000000
local dead = first_score(qkey(KEYS[1], 'dead'))
if dead ~= '' then sooner(tonumber(dead) + age) end
local done = first_score(qkey(KEYS[1], 'done'))
if done ~= '' then sooner(tonumber(done) + keep) end
local idem = first_score(dedupx)
if idem ~= '' then sooner(tonumber(idem)) end
local at = ''
if next then at = string.format('%d', next) end
return {DONE, evicted, removed, at}
