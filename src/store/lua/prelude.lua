-- Shared helpers. The store prepends this file to every task script, so each script
-- below can call these functions; they touch only keys the script was given.
--
-- Per-task mutable state lives in the queue's `state` hash as compact JSON:
--   a  attempts started
--   l  the lease: a token unique to each claim, handed to the worker (string)
--   i  leases that expired (the HTQ process performing the task died)
--   s  HTTP status of the last reply (0: none)
--   e  last error text
--   t  start of the last attempt, ms
--   r  variable queues: ordinary replies since the start or the last `reset`
--   b  attempts started before the task got fresh attempts (retried from `dead`)
--   k  flow key, set at push (tasks with one wait in `fdue:<key>`, not in `due`)
--   p  W3C traceparent of the push, set at push
--   h  HTQ deliveries that led to the push (x-htq-hops), set at push
--   c  callbacks, set at push: 1 its own, 0 none (a callback task); absent: the
--      queue's (see outbox)
--   x  retained finished tasks: 's' succeeded, 'c' cancelled; f: when, ms
--
-- A queue's other keys are named from any key the script was given: they share its
-- prefix and hash tag (see keys.rs).

-- Return codes: every script's reply is a code, or a list that starts with one.
-- One table for all scripts, mirrored by `Code` in store/reply.rs, which refuses any
-- other value.
local DONE = 1         -- did what was asked
local NO_QUEUE = -1    -- the queue does not exist
local NOT_FOUND = -2   -- no such task, dead task or schedule
local EXISTS = -3      -- the name or id is taken (or was imported before)
local LEASE_LOST = -4  -- the caller's lease is no longer held: its result is discarded
local FINISHED = -5    -- the task has finished already
local WRONG_STATE = -6 -- the task is not in a state the call can act on
local NOT_TAKEN = -7   -- not due, or another process took it first
local SKIPPED = -8     -- a cron tick skipped as asked

local function get_state(k_state, id)
  local raw = redis.call('HGET', k_state, id)
  if raw then return cjson.decode(raw) end
  return {}
end

local function put_state(k_state, id, st)
  redis.call('HSET', k_state, id, cjson.encode(st))
end

-- The check every finishing script starts with: the task is active and its lease
-- still equals the token the worker got at claim. A worker whose lease expired and
-- whose task was claimed again holds an older token and is refused; so is one whose
-- task was removed and another pushed under the same id. Returns the task's state,
-- or nil when the lease is not held.
local function held(k_active, k_state, id, token)
  if not redis.call('ZSCORE', k_active, id) then return nil end
  local st = get_state(k_state, id)
  if st.l ~= token then return nil end
  return st
end

-- Sends a wake-up: on a queue's own channel (`<prefix>:{<tag>}:wake`, in the
-- queue's slot) with sharded pub/sub, which a Redis Cluster delivers by the
-- channel's shard alone; on the one channel every process follows (one Redis)
-- with classic pub/sub.
local function publish(channel, message)
  if string.sub(channel, -6) == '}:wake' then
    redis.call('SPUBLISH', channel, message)
  else
    redis.call('PUBLISH', channel, message)
  end
end

-- Tells other HTQ processes that a queue has work again, when a claim found it
-- blocked by max_concurrency (the claim set the `blocked` flag).
local function wake_blocked(k_queue, channel, message)
  if redis.call('HDEL', k_queue, 'blocked') == 1 then
    publish(channel, message)
  end
end

-- The earliest score of a sorted set, or '' when it is empty.
local function first_score(key)
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if #first > 0 then return first[2] end
  return ''
end

-- The key `suffix` of the queue that key `k` belongs to.
local function qkey(k, suffix)
  return string.match(k, '^(.*:)') .. suffix
end

-- Every key a queue has, by suffix: the one list (keys.rs names the first few for
-- Rust; the key-leak test checks that deleting a queue leaves none of them).
--   queue     hash: the settings (and the `blocked` flag, see claim.lua)
--   due       sorted set: task id -> due time (tasks without a flow key)
--   fdue:<k>  sorted set: waiting tasks of flow key <k> -> due time
--   flows     sorted set: flow key ('' for tasks without one) -> when it may be
--             served next (+inf while at its concurrency cap)
--   flowact   hash: flow key -> tasks of it in flight
--   pace      hash: rate limit state (GCRA theoretical arrival time, ms): '' the
--             queue's, else a flow key's
--   active    sorted set: task id -> lease deadline while its request is in flight
--   tasks     hash: task id -> encoded task (request, creation and schedule time)
--   state     hash: task id -> mutable state JSON (see above)
--   hist      hash: task id -> its latest attempts (JSON array)
--   dead      sorted set: task id -> time it was dead-lettered
--   done      sorted set: retained finished task id -> finish time
--   dedup     hash: idempotency key -> first task id; dedupx: key -> expiry (ms)
--   events    stream: the queue's events
--   stats     hash: counters (`started`, `failed`, `evicted`, `grouped`)
--   imported  set: ids of tasks imported from a legacy HTQ Redis
--   cron      hash: schedule name -> the last tick whose task it pushed here
--   cbox      hash: final outcomes whose callbacks are still to be pushed (see
--             outbox); kept by a purge, so no callback of an outcome is lost
-- Purging empties the task keys; deleting the queue also removes the rest.
local TASK_KEYS = {'due', 'active', 'tasks', 'state', 'dead', 'done', 'hist', 'flows',
  'flowact', 'pace'}
local QUEUE_KEYS = {'queue', 'dedup', 'dedupx', 'events', 'stats', 'imported', 'cron',
  'cbox'}

-- Removes the task keys of the queue that key `k` belongs to, flow keys' sets too.
local function unlink_task_keys(k)
  for _, key in ipairs(redis.call('ZRANGE', qkey(k, 'flows'), 0, -1)) do
    if key ~= '' then redis.call('UNLINK', qkey(k, 'fdue:' .. key)) end
  end
  for _, name in ipairs(TASK_KEYS) do redis.call('UNLINK', qkey(k, name)) end
end

-- A queue's settings were written (created or updated): they get a new version,
-- so dispatchers that hold the old ones read them again (see claim). Redis's clock
-- in microseconds: one script call takes longer than that, so no two writes of one
-- Redis share a version, even across a deleted and re-created queue. Returns it.
local function settings_written(k_queue)
  local t = redis.call('TIME')
  local ver = t[1] .. string.format('%06d', tonumber(t[2]))
  redis.call('HSET', k_queue, 'ver', ver)
  return ver
end

-- The queue's settings a task script reads, each call reading them at most once
-- (finish_claim runs finish and claim on one read): `queue_conf` reads them all
-- with one HMGET. Forgotten at each call (see scripts.rs).
local CONF_FIELDS = {'max_concurrency', 'paused', 'timeout_ms', 'rate', 'burst', 'fconc',
  'frate', 'fburst', 'lease_seq', 'max_events', 'ver', 'history', 'retention_ms', 'blocked',
  'topic', 'pause_after', 'off'}
local conf_cache = nil

-- The fields above of the queue's settings hash `k_queue`, by name (nil when unset;
-- `max_concurrency` is set on every queue, so nil there means no queue).
local function queue_conf(k_queue)
  if conf_cache == nil then
    local values = redis.call('HMGET', k_queue, unpack(CONF_FIELDS))
    conf_cache = {}
    for i, f in ipairs(CONF_FIELDS) do conf_cache[f] = values[i] end
  end
  return conf_cache
end

-- Events the queue's stream keeps (its `max_events` setting, read once per call;
-- approximately: Redis trims whole blocks), 0 for no cap.
local events_cap = nil
-- The events of grouped entries the queue's stream holds (`grouped` in its stats),
-- once read or written in this call.
local events_grouped = nil

-- Appends an event to the queue's stream: kind, task id, then field/value pairs.
-- Every state change calls it in the script that makes the change, so a watcher
-- sees exactly what happened, in order.
local function emit_weighted(k, weight, kind, id, ...)
  if events_cap == nil then
    events_cap = tonumber(redis.call('HGET', qkey(k, 'queue'), 'max_events') or '10000') or 10000
  end
  local stream, stats = qkey(k, 'events'), qkey(k, 'stats')
  -- A grouped entry counts as its events: the stream keeps about max_events
  -- events, whatever mix of single and grouped entries it holds. `grouped` counts
  -- the events of grouped entries still held; while there are some, the oldest
  -- entries go once the cap is passed until no more than max_events are held.
  -- Without any, Redis's own approximate trim does the same at less cost.
  local grouped
  if weight > 1 then
    grouped = redis.call('HINCRBY', stats, 'grouped', weight)
  else
    grouped = events_grouped or tonumber(redis.call('HGET', stats, 'grouped') or '0') or 0
  end
  events_grouped = grouped
  if grouped <= 0 and events_cap > 0 then
    redis.call('XADD', stream, 'MAXLEN', '~', events_cap, '*', 'kind', kind, 'task', id, ...)
    return
  end
  redis.call('XADD', stream, '*', 'kind', kind, 'task', id, ...)
  if events_cap <= 0 then return end
  local total = grouped + redis.call('XLEN', stream)
  if total <= events_cap * 1.1 then return end
  -- Whole entries go, oldest first, as long as at least max_events stay.
  local dropped, last, done = 0, nil, false
  while not done do
    local from = '-'
    if last then from = '(' .. last end
    local head = redis.call('XRANGE', stream, from, '+', 'COUNT', 20)
    if #head == 0 then break end
    for _, entry in ipairs(head) do
      local n, events, f = 1, 0, entry[2]
      for i = 1, #f, 2 do
        if f[i] == 'tasks' then
          local _, lines = string.gsub(f[i + 1], '\n', '')
          events = lines + 1
          n = events + 1 -- its events, and the entry itself (counted by XLEN)
        end
      end
      if total - dropped - n < events_cap then
        done = true
        break
      end
      dropped = dropped + n
      grouped = grouped - events
      last = entry[1]
    end
  end
  if last then
    -- Every entry up to `last` goes (MINID keeps ids >= the one given).
    local ms, seq = string.match(last, '^(%d+)-(%d+)$')
    redis.call('XTRIM', stream, 'MINID', ms .. '-' .. (tonumber(seq) + 1))
    redis.call('HSET', stats, 'grouped', math.max(grouped, 0))
    events_grouped = math.max(grouped, 0)
  end
end

local function emit(k, kind, id, ...)
  emit_weighted(k, 1, kind, id, ...)
end

-- The field of a grouped entry that holds one value per task, by the single
-- event's field.
local PLURAL = {attempt = 'attempts', at = 'ats', status = 'statuses'}

-- Appends one event for several tasks that changed alike in one script (a batch
-- pushed, tasks claimed together): `tasks` holds their ids, one per line, and each
-- extra field given as a list holds one value per task, one per line. Readers
-- expand it into one event per task. A single task gets a plain event. Against
-- the cap, a grouped entry counts as its events (see emit_weighted).
local function emit_group(k, kind, ids, lists)
  if #ids == 0 then return end
  local args = {}
  if #ids == 1 then
    for name, values in pairs(lists) do
      args[#args + 1] = name
      args[#args + 1] = values[1]
    end
    emit(k, kind, ids[1], unpack(args))
    return
  end
  args[1] = 'tasks'
  args[2] = table.concat(ids, '\n')
  for name, values in pairs(lists) do
    args[#args + 1] = PLURAL[name]
    args[#args + 1] = table.concat(values, '\n')
  end
  emit_weighted(k, #ids, kind, '', unpack(args))
end

-- Counts in the queue's stats hash (`started`, `failed`), for dispatch and error rates.
local function tally(k, field)
  redis.call('HINCRBY', qkey(k, 'stats'), field, 1)
end

-- The sorted set a waiting task sits in: `due`, or its flow key's own set.
local function wait_set(k, st)
  if st.k then return qkey(k, 'fdue:' .. st.k) end
  return qkey(k, 'due')
end

-- Puts task `id` among the waiting tasks, due at `at`. Tasks with a flow key go to
-- their key's set, and the key joins the `flows` index (ZADD LT: an earlier time
-- wins, a key held back by its limits is looked at again and put back by claim).
-- Once any flow key exists, tasks without one take part as the key ''.
local function enqueue(k, st, id, at)
  local flows = qkey(k, 'flows')
  if st.k then
    redis.call('ZADD', qkey(k, 'fdue:' .. st.k), at, id)
    redis.call('ZADD', flows, 'LT', at, st.k)
    -- The index may have just come into being: tasks without a key waiting in
    -- `due` must take part too.
    local due = first_score(qkey(k, 'due'))
    if due ~= '' then redis.call('ZADD', flows, 'NX', due, '') end
  else
    redis.call('ZADD', qkey(k, 'due'), at, id)
    if redis.call('EXISTS', flows) == 1 then redis.call('ZADD', flows, 'LT', at, '') end
  end
end

-- A task with a flow key stops running: its key's in-flight count drops, and the
-- key, if it has waiting tasks, is ready again (it may have been held at its cap).
local function release(k, st, now)
  if not st.k then return end
  local act = qkey(k, 'flowact')
  if redis.call('HINCRBY', act, st.k, -1) <= 0 then redis.call('HDEL', act, st.k) end
  local head = first_score(qkey(k, 'fdue:' .. st.k))
  if head ~= '' then
    redis.call('ZADD', qkey(k, 'flows'), 'LT', math.max(tonumber(head), now), st.k)
  end
end

-- Removes every trace of task `id` but its dedup entry.
local function forget(k, id)
  redis.call('HDEL', qkey(k, 'tasks'), id)
  redis.call('HDEL', qkey(k, 'state'), id)
  redis.call('HDEL', qkey(k, 'hist'), id)
  redis.call('ZREM', qkey(k, 'done'), id)
end

-- Records a final outcome of task `id` whose callbacks HTQ must push (or, for one
-- recorded here without knowing, find it has none): `meta` is the outcome as JSON
-- (i id, o 's' succeeded, 'd' dead, 'c' cancelled, a attempts, t when, and what
-- the attempt left), followed by a newline and the task's encoded request (which
-- names its callbacks) while it is still there. One entry per outcome: its field
-- is the task id, its attempts and the outcome. Rust pushes the callback tasks
-- and removes the entry (see dispatch/callbacks.rs).
-- Tasks pushed with callbacks of their own have `c` 1 in their state, callback
-- tasks `c` 0; the others have the queue's (its `cb` setting), so an outcome
-- recorded here goes to the outbox only when it may have a callback.
local function outbox(k, id, st, outcome, meta)
  if st.c == 0 then return end
  if st.c ~= 1 then
    local cb = redis.call('HGET', qkey(k, 'queue'), 'cb')
    if not cb or cb == '' then return end
  end
  local blob = redis.call('HGET', qkey(k, 'tasks'), id) or ''
  redis.call('HSET', qkey(k, 'cbox'), id .. ':' .. (st.a or 0) .. ':' .. outcome, meta .. '\n' .. blob)
end

-- The outcome of a task that ended without a reply to record (its lease expired
-- too often, or it was cancelled), for `outbox`.
local function outcome_meta(id, st, outcome, now)
  return cjson.encode({i = id, o = outcome, a = st.a or 0, t = now, st = st.t, s = st.s or 0, e = st.e})
end

-- A topic endpoint's health after an outcome of its queue (settings `k`, read as
-- `conf`): a 410 Gone disables it, `pause_after` failed attempts in a row pause
-- it (its queue's `paused`, with `off` 'gone' or 'failures' and `off_at`; a
-- resume clears them, see update_queue), a success ends the run of failures
-- (`cfail` in its stats).
local function endpoint_health(k, conf, id, mode, status, now)
  local k_stats = qkey(k, 'stats')
  if mode == 'succeed' or mode == 'reschedule' then
    -- An HDEL that deletes nothing is not replicated.
    redis.call('HDEL', k_stats, 'cfail')
    return
  end
  local fails = redis.call('HINCRBY', k_stats, 'cfail', 1)
  if conf.off == 'gone' then return end
  local off = nil
  if status == 410 then
    off = 'gone'
  elseif not conf.off and tonumber(conf.pause_after or '0') > 0 and fails >= tonumber(conf.pause_after) then
    off = 'failures'
  end
  if not off then return end
  redis.call('HSET', k, 'paused', '1', 'off', off, 'off_at', now)
  settings_written(k)
  conf.off, conf.paused = off, '1'
  if off == 'gone' then
    emit(k, 'endpoint_disabled', id, 'status', status, 'reason', 'gone')
  else
    emit(k, 'endpoint_paused', id, 'status', status, 'reason', 'failures', 'count', fails)
  end
end

-- Drops retained finished tasks that finished before `before`, at most `limit`.
local function trim_done(k, before, limit)
  local ids = redis.call('ZRANGE', qkey(k, 'done'), '-inf', '(' .. before, 'BYSCORE', 'LIMIT', 0, limit)
  for _, id in ipairs(ids) do forget(k, id) end
  return #ids
end

-- A task finished (`kind`: 's' succeeded, 'c' cancelled): kept for the queue's
-- retention so GetTask can report it, else removed.
local function finished(k, id, st, kind, now)
  local keep = tonumber(redis.call('HGET', qkey(k, 'queue'), 'retention_ms') or '0') or 0
  if keep > 0 then
    st.x = kind
    st.f = now
    put_state(qkey(k, 'state'), id, st)
    redis.call('ZADD', qkey(k, 'done'), now, id)
    trim_done(k, now - keep, 100)
  else
    forget(k, id)
  end
end

-- Evicts dead tasks beyond the queue's bounds, oldest first: over dead_max, and
-- older than dead_age_ms. Each eviction is an `evicted` event and counts in the
-- `evicted` field of the queue's stats. At most `limit` per call.
local function trim_dead(k, now, limit)
  local dead = qkey(k, 'dead')
  local conf = redis.call('HMGET', qkey(k, 'queue'), 'dead_max', 'dead_age_ms')
  local max, age = tonumber(conf[1] or '10000') or 10000, tonumber(conf[2] or '2592000000') or 2592000000
  local n = 0
  local function evict(id, reason)
    redis.call('ZREM', dead, id)
    forget(k, id)
    emit(k, 'evicted', id, 'reason', reason)
    n = n + 1
  end
  local over = redis.call('ZCARD', dead) - max
  if over > 0 then
    for _, id in ipairs(redis.call('ZRANGE', dead, 0, math.min(over, limit) - 1)) do evict(id, 'count') end
  end
  if n < limit then
    local old = redis.call('ZRANGE', dead, '-inf', '(' .. (now - age), 'BYSCORE', 'LIMIT', 0, limit - n)
    for _, id in ipairs(old) do evict(id, 'age') end
  end
  if n > 0 then redis.call('HINCRBY', qkey(k, 'stats'), 'evicted', n) end
  return n
end

-- Dead-letters task `id` at `now` and applies the dead-letter bounds.
local function bury(k, id, now)
  redis.call('ZADD', qkey(k, 'dead'), now, id)
  trim_dead(k, now, 1000)
end

-- Appends an attempt record (JSON from the dispatcher; its start time is the
-- task's last start) to the task's history, keeping the queue's last `n`.
local function record(k, id, st, rec, n)
  if rec == '' or n <= 0 then return end
  local hist = qkey(k, 'hist')
  local raw = redis.call('HGET', hist, id)
  local list = {}
  if raw then list = cjson.decode(raw) end
  local r = cjson.decode(rec)
  r.t = st.t
  list[#list + 1] = r
  while #list > n do table.remove(list, 1) end
  redis.call('HSET', hist, id, cjson.encode(list))
end

-- Where task `id` (state `st`) is: 'due' (waiting, whatever its time), 'active',
-- 'dead' or 'done', its score there and that set's key; nil when nowhere.
local function locate(k, id, st)
  local set = wait_set(k, st)
  local score = redis.call('ZSCORE', set, id)
  if score then return 'due', score, set end
  for _, where in ipairs({'active', 'dead', 'done'}) do
    set = qkey(k, where)
    score = redis.call('ZSCORE', set, id)
    if score then return where, score, set end
  end
  return nil
end

-- Takes tasks whose lease ended before `now` out of `active`: each goes back to
-- `due` (at `now`), or to `dead` once its leases expired more than
-- `max_interruptions` times. Returns how many were taken.
local function recover_expired(k_due, k_active, k_state, k_dead, now, max_interruptions, limit)
  local ids = redis.call('ZRANGEBYSCORE', k_active, '-inf', '(' .. now, 'LIMIT', 0, limit)
  for _, id in ipairs(ids) do
    redis.call('ZREM', k_active, id)
    local st = get_state(k_state, id)
    st.i = (st.i or 0) + 1
    st.s = 0
    st.e = 'lease expired: the HTQ process performing the request stopped'
    put_state(k_state, id, st)
    release(k_due, st, now)
    tally(k_due, 'failed')
    if st.i > max_interruptions then
      emit(k_due, 'dead', id, 'error', st.e)
      outbox(k_due, id, st, 'd', outcome_meta(id, st, 'd', now))
      bury(k_due, id, now)
    else
      emit(k_due, 'retrying', id, 'attempt', st.a or 0, 'error', st.e, 'at', now)
      enqueue(k_due, st, id, now)
    end
  end
  return #ids
end

-- A dead task gets a fresh set of attempts: the attempt counter (the lease token)
-- never goes back, the attempts counted against max_attempts start again.
local function revive(k, id, st)
  st.b = st.a or 0
  st.i = 0
  put_state(qkey(k, 'state'), id, st)
end
