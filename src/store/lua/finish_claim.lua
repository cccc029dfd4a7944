-- finish_claim: records outcomes (see finish), then claims in the slots they freed
-- (see claim), in one call: a queue that stays busy pays one call per finished
-- group instead of a finish and a claim.
-- KEYS claim's: [1] settings, [2] due, [3] active, [4] tasks, [5] state, [6] dead
-- ARGV[1] f, the number of finish arguments; ARGV[2 .. f + 1] finish's ARGV; the
-- rest claim's ARGV
-- Returns {finish's reply, claim's reply}.
-- Emits: what finish and claim emit.
-- Other keys of the queue it names (qkey): those finish and claim name.
local f = tonumber(ARGV[1])
local finish_args, claim_args = {}, {}
for i = 2, f + 1 do finish_args[#finish_args + 1] = ARGV[i] end
for i = f + 2, #ARGV do claim_args[#claim_args + 1] = ARGV[i] end
local finished = body_finish({KEYS[1], KEYS[2], KEYS[3], KEYS[5]}, finish_args)
return {finished, body_claim(KEYS, claim_args)}
