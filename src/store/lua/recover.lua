-- recover: takes back tasks whose lease expired (their HTQ process died), see
-- recover_expired.
-- KEYS[1] due, KEYS[2] active, KEYS[3] state, KEYS[4] dead
-- ARGV[1] now (ms), ARGV[2] max lease expiries before dead-lettering, ARGV[3] most
-- tasks to take back, ARGV[4] wake channel, ARGV[5] wake message
-- Returns {DONE, tasks taken back, earliest remaining lease deadline ('' none),
-- outcomes in the callback outbox}.
-- Emits: dead, evicted, retrying.
-- Other keys of the queue it names (qkey): cbox, dead, done, due, events, fdue:<key>, flowact, flows, hist, state, stats, tasks.
local n = recover_expired(KEYS[1], KEYS[2], KEYS[3], KEYS[4], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]))
if n > 0 then publish(ARGV[4], ARGV[5]) end
return {DONE, n, first_score(KEYS[2]), redis.call('HLEN', qkey(KEYS[1], 'cbox'))}
