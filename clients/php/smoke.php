<?php
// Smoke test against a live HTQ: php smoke.php BASE APP_KEY APP_TOKEN API_TOKEN SINK_URL
require __DIR__ . '/src/HTQClient.php';

function check($cond, $what) {
    if (!$cond) { fwrite(STDERR, "failed: $what\n"); exit(1); }
}

list(, $base, $key, $token, $api, $sink) = $argv;
$htq = new HTQClient($key, $token, $base, $api);

$r = $htq->addQueue('php', 'real_time');
check($r['error_code'] === 0, 'addQueue: ' . json_encode($r));
// Events from the start of the queue's stream, read back at the end.
$start = '0-0';
$r = $htq->addQueue('php', 'real_time');
check($r['error_code'] === 1002, 'addQueue twice: ' . json_encode($r));
$r = $htq->addTask('php', $sink . '?from=php-legacy', 'POST', array('X-From' => 'php'), array('a' => '1'));
check($r['error_code'] === 0, 'addTask: ' . json_encode($r));
$all = $htq->allQueue();
check(in_array('php', array_column($all, 'queue_name'), true), 'allQueue: ' . json_encode($all));
$r = $htq->countQueue('php');
check(isset($r['error_code']) || is_int($r) || is_array($r), 'countQueue: ' . json_encode($r));

$id = $htq->pushTask('php', array('method' => 'POST', 'url' => $sink . '?from=php-json', 'data' => base64_encode('hi')));
check(strlen($id) > 0, 'pushTask id');
$later = $htq->scheduleTask('php', array('url' => $sink . '?from=php-later'), time() + 3600);
$task = $htq->json('GET', '/v1/queues/php/tasks/' . rawurlencode($later));
check($task['state'] === 'TASK_STATE_SCHEDULED', 'scheduled: ' . json_encode($task));
$htq->json('DELETE', '/v1/queues/php/tasks/' . rawurlencode($later));
try {
    $htq->json('GET', '/v1/queues/php/tasks/' . rawurlencode($later));
    check(false, 'a cancelled task was found');
} catch (HTQException $e) {
    check($e->status === 'NOT_FOUND' && $e->getCode() === 404, 'not found: ' . $e->status);
}
try {
    (new HTQClient($key, $token, $base, 'wrong'))->pushTask('php', array('url' => $sink));
    check(false, 'a wrong token was accepted');
} catch (HTQException $e) {
    check($e->status === 'UNAUTHENTICATED', 'unauthenticated: ' . $e->status);
}
$kinds = array();
$htq->watch('php', function ($kind, $event) use (&$kinds, $later) {
    if (isset($event['taskId']) && $event['taskId'] === $later) {
        $kinds[] = $kind;
    }
    return count($kinds) < 2;
}, $start, 10);
check($kinds === array('scheduled', 'cancelled'), 'watch: ' . json_encode($kinds));
$bad = (new HTQClient('wrong', 'wrong', $base))->addQueue('x', 'real_time');
check($bad['error_code'] === 1000, 'legacy auth: ' . json_encode($bad));
echo "ok: php client\n";
