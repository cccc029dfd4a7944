<?php
// Checks HTQWebhook against deliveries captured from a live server:
// php verify_fixture.php FIXTURE.json. Each case gives a body (base64), its
// webhook-* headers, the keys a receiver holds, the time it checks at, and whether
// the request should verify.
require __DIR__ . '/src/Webhook.php';

if ($argc !== 2) {
    fwrite(STDERR, "usage: php verify_fixture.php FIXTURE.json\n");
    exit(2);
}
$text = @file_get_contents($argv[1]);
$fixture = $text === false ? null : json_decode($text, true);
if (!isset($fixture['cases']) || !is_array($fixture['cases'])) {
    fwrite(STDERR, $argv[1] . ": not a fixture\n");
    exit(2);
}

/** Null when the request verifies (keys included), else the exception's kind and message. */
function outcome(array $keys, $now, array $headers, $body)
{
    try {
        (new HTQWebhook($keys))->verify($headers, $body, $now);
        return null;
    } catch (HTQWebhookException $e) {
        return $e->kind . ': ' . $e->getMessage();
    }
}

$failed = false;
function expect($name, $wanted, $got)
{
    global $failed;
    $verified = $got === null;
    // $wanted is true, false, or the kind of exception wanted.
    if (is_string($wanted) ? strncmp((string) $got, $wanted . ':', strlen($wanted) + 1) !== 0 : $verified !== $wanted) {
        echo 'mismatch: ', $name, ' (want ', is_string($wanted) ? $wanted : 'valid=' . var_export($wanted, true),
            ', got: ', $verified ? 'verified' : $got, ")\n";
        $failed = true;
    }
}

// The Standard Webhooks reference vector, so that a fixture cannot pass by agreeing
// with a verifier that is wrong in the same way; and the ways it fails.
$refKeys = array('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
$ref = array(
    'Webhook-Id' => 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp' => '1614265330',
    'WEBHOOK-SIGNATURE' => 'v2,abc junk v1,Zm9v v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
);
$refBody = '{"test": 2432232314}';
expect('reference vector', true, outcome($refKeys, 1614265330, $ref, $refBody));
expect('reference vector, as a DateTime', true, outcome($refKeys, new DateTimeImmutable('@1614265630'), $ref, $refBody));
expect('reference vector, longer body', HTQWebhookException::NO_MATCH, outcome($refKeys, 1614265330, $ref, $refBody . ' '));
expect('reference vector, late', HTQWebhookException::STALE, outcome($refKeys, 1614265631, $ref, $refBody));
expect('reference vector, early', HTQWebhookException::STALE, outcome($refKeys, 1614265029, $ref, $refBody));
expect('reference vector, bad timestamp', HTQWebhookException::BAD_TIMESTAMP,
    outcome($refKeys, 1614265330, array('webhook-timestamp' => 'soon') + $ref, $refBody));
expect('reference vector, no id', HTQWebhookException::MISSING_HEADER,
    outcome($refKeys, 1614265330, array_slice($ref, 1), $refBody));
foreach (array('secret', 'whsec_', 'whsec_not base64!', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', 'whpk_' . base64_encode(str_repeat('k', 31))) as $key) {
    expect("key $key", HTQWebhookException::BAD_KEY, outcome(array($refKeys[0], $key), 1614265330, $ref, $refBody));
}

foreach ($fixture['cases'] as $case) {
    $body = base64_decode($case['body'], true);
    if ($body === false) {
        echo 'mismatch: ', $case['name'], " (body is not base64)\n";
        $failed = true;
        continue;
    }
    $headers = isset($case['headers']) ? $case['headers'] : array();
    expect($case['name'], (bool) $case['valid'], outcome($case['keys'], $case['now'], $headers, $body));
}
if ($failed) {
    exit(1);
}
echo 'ok: php webhooks ', count($fixture['cases']), " cases\n";
