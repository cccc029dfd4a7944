<?php
/**
 * A client for HTQ, the HTTP task queue.
 *
 * The legacy methods (addQueue, deleteQueue, allQueue, countQueue, addTask) keep the
 * names, arguments and return values of the original HTQClient class: they call the
 * legacy `/api/*` endpoints with app_key/app_token and return the decoded JSON reply
 * (or the curl error text), so old code keeps working unchanged.
 *
 * pushTask and scheduleTask use HTQ's JSON API (`/v1/`) with an API token, and throw
 * HTQException (with the gRPC status name and the HTTP status) on an error.
 */

class HTQException extends Exception
{
    /** @var string gRPC status name, e.g. INVALID_ARGUMENT */
    public $status;

    public function __construct($message, $status, $httpCode)
    {
        parent::__construct($message, $httpCode);
        $this->status = $status;
    }
}

class HTQClient
{
    private $appKey;
    private $appToken;
    private $base;
    private $apiToken;

    /**
     * @param string      $app_key   legacy API key (config app_key)
     * @param string      $app_token legacy API token (config app_token)
     * @param string      $base      server address
     * @param string|null $api_token HTQ API token, for pushTask and scheduleTask
     */
    public function __construct($app_key, $app_token, $base = 'http://127.0.0.1:5999', $api_token = null)
    {
        $this->appKey = $app_key;
        $this->appToken = $app_token;
        $this->base = rtrim($base, '/');
        $this->apiToken = $api_token;
    }

    public function addQueue($queue_name, $type, $stepping_time = 0, $max_time_interval = 0)
    {
        return $this->legacy('addQueue', array(
            'queue_name' => $queue_name,
            'type' => $type,
            'stepping_time' => $stepping_time,
            'max_time_interval' => $max_time_interval,
        ));
    }

    public function deleteQueue($queue_name)
    {
        return $this->legacy('deleteQueue', array('queue_name' => $queue_name));
    }

    public function allQueue()
    {
        return $this->legacy('allQueue', array());
    }

    public function countQueue($queue_name)
    {
        return $this->legacy('countQueue', array('queue_name' => $queue_name));
    }

    public function addTask($queue_name, $url, $method = 'GET', $header = array(), $data = array(), $execute_time = 0)
    {
        return $this->legacy('addTask', array(
            'queue_name' => $queue_name,
            'url' => $url,
            'method' => $method,
            'header' => json_encode($header),
            'data' => json_encode($data),
            'execute_time' => $execute_time,
        ));
    }

    /**
     * Pushes a task due now through the JSON API; returns its id.
     *
     * @param array $request e.g. ['method' => 'POST', 'url' => ..., 'headers' => [['name' => .., 'value' => ..]], 'data' => base64]
     * @param array $options taskId, idempotencyKey, flowKey
     */
    public function pushTask($queue, array $request, array $options = array())
    {
        $reply = $this->json('POST', '/v1/queues/' . rawurlencode($queue) . '/tasks', array('request' => $request) + $options);
        return $reply['taskId'];
    }

    /**
     * Pushes a task due at $at (a DateTimeInterface, or a Unix time in seconds); returns its id.
     */
    public function scheduleTask($queue, array $request, $at, array $options = array())
    {
        $time = $at instanceof DateTimeInterface ? $at : (new DateTimeImmutable('@' . (int) $at));
        $body = array('request' => $request, 'scheduleTime' => $time->format('Y-m-d\TH:i:s\Z')) + $options;
        $reply = $this->json('POST', '/v1/queues/' . rawurlencode($queue) . '/tasks/schedule', $body);
        return $reply['taskId'];
    }

    /**
     * Watches a queue's events ('' for every queue) over Server-Sent Events, from now
     * or after $cursor: calls $onEvent($kind, $event) for each (the event decoded as an
     * array, with its cursor) until it returns false or $seconds pass. Returns the last
     * cursor, to resume from.
     */
    public function watch($queue, callable $onEvent, $cursor = '', $seconds = 30)
    {
        $path = $queue === '' ? '/v1/events' : '/v1/queues/' . rawurlencode($queue) . '/events';
        $headers = array('Authorization: Bearer ' . $this->apiToken, 'Accept: text/event-stream');
        if ($cursor !== '') {
            $headers[] = 'Last-Event-ID: ' . $cursor;
        }
        $buffer = '';
        $last = $cursor;
        $stopped = false;
        $ch = curl_init($this->base . $path);
        curl_setopt_array($ch, array(
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_TIMEOUT => $seconds,
            CURLOPT_WRITEFUNCTION => function ($ch, $chunk) use (&$buffer, &$last, &$stopped, $onEvent) {
                $buffer .= $chunk;
                while (($end = strpos($buffer, "\n\n")) !== false) {
                    $block = substr($buffer, 0, $end);
                    $buffer = substr($buffer, $end + 2);
                    $kind = 'message';
                    $data = '';
                    foreach (explode("\n", $block) as $line) {
                        if (strncmp($line, 'id:', 3) === 0) {
                            $last = trim(substr($line, 3));
                        } elseif (strncmp($line, 'event:', 6) === 0) {
                            $kind = trim(substr($line, 6));
                        } elseif (strncmp($line, 'data:', 5) === 0) {
                            $data .= trim(substr($line, 5));
                        }
                    }
                    if ($data !== '' && $onEvent($kind, json_decode($data, true)) === false) {
                        $stopped = true;
                        return 0; // ends the transfer
                    }
                }
                return strlen($chunk);
            },
        ));
        curl_exec($ch);
        $code = curl_getinfo($ch, CURLINFO_HTTP_CODE);
        curl_close($ch);
        if (!$stopped && $code >= 400) {
            throw new HTQException('watch failed', 'UNKNOWN', $code);
        }
        return $last;
    }

    /** Any JSON API call: method, path under the server, body (array or null). */
    public function json($method, $path, $body = null)
    {
        $ch = curl_init($this->base . $path);
        $headers = array('Content-Type: application/json', 'Authorization: Bearer ' . $this->apiToken);
        curl_setopt_array($ch, array(
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => $headers,
        ));
        if ($body !== null) {
            curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
        }
        $text = curl_exec($ch);
        if ($text === false) {
            $error = curl_error($ch);
            curl_close($ch);
            throw new HTQException($error, 'UNAVAILABLE', 0);
        }
        $code = curl_getinfo($ch, CURLINFO_HTTP_CODE);
        curl_close($ch);
        $reply = json_decode($text, true);
        if ($code >= 400) {
            $err = isset($reply['error']) ? $reply['error'] : array('status' => 'UNKNOWN', 'message' => $text);
            throw new HTQException($err['message'], $err['status'], $code);
        }
        return $reply;
    }

    private function legacy($endpoint, array $fields)
    {
        $fields['app_key'] = $this->appKey;
        $fields['app_token'] = $this->appToken;
        $ch = curl_init($this->base . '/api/' . $endpoint);
        curl_setopt_array($ch, array(
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $fields, // an array: sent as multipart, as the original SDK does
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_SSL_VERIFYPEER => false,
            CURLOPT_SSL_VERIFYHOST => 0,
        ));
        $text = curl_exec($ch);
        if ($text === false) {
            $error = curl_error($ch);
            curl_close($ch);
            return $error;
        }
        curl_close($ch);
        return json_decode($text, true);
    }
}
