-- push: stores a batch of new tasks, all or none; optionally creates the queue first
-- (legacy addTask does), in the same step. Tasks carrying an idempotency key seen
-- within the queue's dedup window are not stored: the first task's id is returned.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] tasks, KEYS[4] state
-- ARGV[1] wake channel, ARGV[2] wake message prefix (the due time is appended),
-- ARGV[3] n tasks, ARGV[4] m: settings field/value pairs to create the queue with
-- when it does not exist (0: do not create), then those 2m values, then ARGV[5+2m]:
-- '1' to refuse ids that exist (ids chosen by callers), '0' to skip that check (ids
-- HTQ made, unique by construction), ARGV[6+2m] now (ms), then n times: id, due
-- time (ms), encoded task, initial state JSON ('' none), flow key ('' none),
-- idempotency key ('' none)
-- Returns {DONE, earliest, created, dedup window (ms) when an idempotency key was
-- stored else 0, then per duplicate: its index (1-based) and the first task's id}:
-- earliest is the queue's new earliest due time when the push moved it forward
-- (dispatchers were told on the channel), '' when not; created 1 when the queue was
-- created. {NO_QUEUE} (also for a partitioned queue's own keys, which hold no
-- tasks: its tasks go to its partitions), or {EXISTS, id} when a task with that id
-- exists.
-- Emits: pushed, scheduled.
-- Other keys of the queue it names (qkey): dedup, dedupx, events, fdue:<key>, flows, stats.
local n, m = tonumber(ARGV[3]), tonumber(ARGV[4])
local check = ARGV[5 + 2 * m] == '1'
local now = tonumber(ARGV[6 + 2 * m])
local base = 7 + 2 * m
local W = 6
local k_dedup, k_dedupx, k_flows = qkey(KEYS[1], 'dedup'), qkey(KEYS[1], 'dedupx'), qkey(KEYS[1], 'flows')
-- A key whose window is over counts as unseen (its expiry in `dedupx` is checked);
-- maintain forgets it, at its expiry (the reply's dedup window tells the caller to
-- schedule that).
-- Checks first, so a refused batch writes nothing.
local dups, seen, ids = {}, {}, {}
for i = 0, n - 1 do
  local at = base + i * W
  local id, idem = ARGV[at], ARGV[at + 5]
  local first = nil
  if idem ~= '' then
    first = seen[idem]
    if not first and tonumber(redis.call('ZSCORE', k_dedupx, idem) or '0') > now then
      first = redis.call('HGET', k_dedup, idem)
    end
  end
  if first then
    dups[i + 1] = first
  else
    if idem ~= '' then seen[idem] = id end
    if check then
      if ids[id] or redis.call('HEXISTS', KEYS[3], id) == 1 then return {EXISTS, id} end
      ids[id] = true
    end
  end
end
local created = 0
-- One read for what push needs of the settings: whether the queue exists (every
-- queue has a kind), whether it is partitioned, its dedup window.
local conf = redis.call('HMGET', KEYS[1], 'kind', 'partitions', 'dedup_ms')
if not conf[1] then
  if m == 0 then return {NO_QUEUE} end
  redis.call('HSET', KEYS[1], unpack(ARGV, 5, 4 + 2 * m))
  settings_written(KEYS[1])
  created = 1
  conf[3] = redis.call('HGET', KEYS[1], 'dedup_ms')
elseif conf[2] then
  return {NO_QUEUE}
end
local before = first_score(KEYS[2])
local flowing = redis.call('EXISTS', k_flows) == 1
if flowing then
  local f = redis.call('ZRANGE', k_flows, 0, 0, 'WITHSCORES')
  if #f > 0 and f[2] ~= 'inf' and (before == '' or tonumber(f[2]) < tonumber(before)) then before = f[2] end
end
local window = tonumber(conf[3] or '600000') or 600000
local earliest = nil
-- One variadic HSET and ZADD per chunk instead of two calls per task: most of a
-- batch's cost in Redis is the calls themselves.
local fields, scores, states = {}, {}, {}
local function flush()
  if #fields > 0 then redis.call('HSET', KEYS[3], unpack(fields)) end
  if #scores > 0 then redis.call('ZADD', KEYS[2], unpack(scores)) end
  if #states > 0 then redis.call('HSET', KEYS[4], unpack(states)) end
  fields, scores, states = {}, {}, {}
end
local out = {}
local pushed, later, later_at = {}, {}, {}
local plain = nil
local remembered = 0
for i = 0, n - 1 do
  local at = base + i * W
  local id, due, state, flow, idem = ARGV[at], tonumber(ARGV[at + 1]), ARGV[at + 3], ARGV[at + 4], ARGV[at + 5]
  if dups[i + 1] then
    out[#out + 1] = i + 1
    out[#out + 1] = dups[i + 1]
  else
    if idem ~= '' then
      redis.call('HSET', k_dedup, idem, id)
      redis.call('ZADD', k_dedupx, now + window, idem)
      remembered = window
    end
    fields[#fields + 1] = id
    fields[#fields + 1] = ARGV[at + 2]
    if state ~= '' then
      states[#states + 1] = id
      states[#states + 1] = state
    end
    if flow ~= '' then
      redis.call('ZADD', qkey(KEYS[1], 'fdue:' .. flow), due, id)
      redis.call('ZADD', k_flows, 'LT', due, flow)
      flowing = true
    else
      scores[#scores + 1] = ARGV[at + 1]
      scores[#scores + 1] = id
      if plain == nil or due < plain then plain = due end
    end
    if earliest == nil or due < earliest then earliest = due end
    if due > now then
      later[#later + 1] = id
      later_at[#later_at + 1] = ARGV[at + 1]
    else
      pushed[#pushed + 1] = id
    end
    if #fields >= 1000 then flush() end
  end
end
flush()
emit_group(KEYS[1], 'pushed', pushed, {})
emit_group(KEYS[1], 'scheduled', later, {at = later_at})
-- Tasks without a flow key take part in fair dispatch as the key ''.
if flowing then
  if plain ~= nil then redis.call('ZADD', k_flows, 'LT', plain, '') end
  if redis.call('ZCARD', KEYS[2]) > 0 then
    redis.call('ZADD', k_flows, 'NX', first_score(KEYS[2]), '')
  end
end
local result = {DONE, '', created, remembered}
if earliest ~= nil and (before == '' or earliest < tonumber(before)) then
  local at = string.format('%d', earliest)
  publish(ARGV[1], ARGV[2] .. at)
  result = {DONE, at, created, remembered}
end
for _, v in ipairs(out) do result[#result + 1] = v end
return result
