-- finish: records how attempts ended, each only if its lease is still held. The
-- outcomes of one queue that arrive together come in one call.
--   succeed     the task is done: retained for the queue's retention, else removed
--   retry       it waits again until its `next`
--   reschedule  variable queues: it runs again at `next` with run count `runs`
--   dead        it failed for good and moves to the dead-letter set, whose bounds
--               may evict the oldest dead tasks (with an `evicted` event each)
-- A task with a flow key frees its key's slot. The attempt joins the task's history.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] active, KEYS[4] state
-- ARGV[1] now (ms), ARGV[2] wake channel, ARGV[3] wake message, ARGV[4] n, then n
-- times: mode, task id, lease token, next time (ms, retry and reschedule), run
-- count (reschedule), HTTP status (0 none), error text, attempt record JSON ('' none),
-- the outcome for the task's callbacks when it succeeds or dies ('' none; see
-- outbox)
-- Returns {DONE, then per outcome 1 when recorded, 0 when its lease is no longer
-- held (the outcome is discarded; also when the queue was deleted meanwhile, so a
-- deleted queue leaves no orphan task)}.
-- A topic endpoint's queue also keeps its health (see endpoint_health).
-- Emits: dead, endpoint_disabled, endpoint_paused, evicted, rescheduled, retrying, succeeded.
-- Other keys of the queue it names (qkey): cbox, dead, done, due, events, fdue:<key>, flowact, flows, hist, state, stats, tasks.
local now, n = tonumber(ARGV[1]), tonumber(ARGV[4])
local W = 9
local ids = {}
for i = 1, n do
  ids[i] = ARGV[4 + (i - 1) * W + 2]
end
-- The lease check of every outcome in two calls: active, and the token in its state.
local scores = redis.call('ZMSCORE', KEYS[3], unpack(ids))
local raws = redis.call('HMGET', KEYS[4], unpack(ids))
local conf = queue_conf(KEYS[1])
local history = tonumber(conf.history or '10') or 10
local keep = (tonumber(conf.retention_ms or '0') or 0) > 0
events_cap = tonumber(conf.max_events or '10000') or 10000
local result = {DONE}
-- Succeeded tasks that leave no trace: removed together, one event for all. Only
-- a task that ran before (a retry, a variable task's earlier runs, a dead task
-- retried) can have attempts in its history: the others have none to remove.
local gone, gone_status, gone_hist = {}, {}, {}
local held_ids = {}
for i = 1, n do
  local at = 4 + (i - 1) * W
  local mode, id, token = ARGV[at + 1], ARGV[at + 2], ARGV[at + 3]
  local st = nil
  if scores[i] and raws[i] then
    st = cjson.decode(raws[i])
    if st.l ~= token then st = nil end
  end
  -- The same task twice in one call: only its first outcome holds the lease.
  if st and held_ids[id] then st = nil end
  if not st then
    result[#result + 1] = 0
  else
    held_ids[id] = true
    result[#result + 1] = 1
    local next_at, runs, status, err, rec = ARGV[at + 4], ARGV[at + 5], tonumber(ARGV[at + 6]), ARGV[at + 7], ARGV[at + 8]
    local callback = ARGV[at + 9]
    release(KEYS[1], st, now)
    if conf.topic then endpoint_health(KEYS[1], conf, id, mode, status, now) end
    if callback ~= '' and (mode == 'succeed' or mode == 'dead') then
      local o = 'd'
      if mode == 'succeed' then o = 's' end
      outbox(KEYS[1], id, st, o, callback)
    end
    if mode == 'succeed' and not keep then
      gone[#gone + 1] = id
      gone_status[#gone_status + 1] = status
      if (st.a or 0) > 1 or st.b or st.r then gone_hist[#gone_hist + 1] = id end
    else
      redis.call('ZREM', KEYS[3], id)
      if mode == 'succeed' then
        emit(KEYS[1], 'succeeded', id, 'status', status)
      elseif mode == 'retry' then
        emit(KEYS[1], 'retrying', id, 'attempt', st.a, 'status', status, 'error', err, 'at', next_at)
      elseif mode == 'reschedule' then
        emit(KEYS[1], 'rescheduled', id, 'status', status, 'at', next_at)
      else
        emit(KEYS[1], 'dead', id, 'status', status, 'error', err)
      end
      if mode == 'retry' or mode == 'dead' then tally(KEYS[1], 'failed') end
      record(KEYS[1], id, st, rec, history)
      st.s = status
      st.e = err
      if mode == 'succeed' then
        finished(KEYS[1], id, st, 's', now)
      elseif mode == 'retry' then
        put_state(KEYS[4], id, st)
        enqueue(KEYS[1], st, id, next_at)
      elseif mode == 'reschedule' then
        st.r = tonumber(runs)
        -- A variable task runs for ever: only interruptions in a row count.
        st.i = 0
        put_state(KEYS[4], id, st)
        enqueue(KEYS[1], st, id, next_at)
      else
        put_state(KEYS[4], id, st)
        bury(KEYS[1], id, now)
      end
    end
  end
end
if #gone > 0 then
  redis.call('ZREM', KEYS[3], unpack(gone))
  emit_group(KEYS[1], 'succeeded', gone, {status = gone_status})
  -- Tasks that were running: never among the retained finished ones.
  redis.call('HDEL', qkey(KEYS[1], 'tasks'), unpack(gone))
  redis.call('HDEL', KEYS[4], unpack(gone))
  if #gone_hist > 0 then redis.call('HDEL', qkey(KEYS[1], 'hist'), unpack(gone_hist)) end
end
if conf.blocked then wake_blocked(KEYS[1], ARGV[2], ARGV[3]) end
return result
