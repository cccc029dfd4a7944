<?php
/**
 * Verifies the signatures HTQ puts on the requests it delivers (Standard Webhooks
 * 1.0): webhook-id, webhook-timestamp and webhook-signature, with v1 (HMAC-SHA256,
 * whsec_ secrets) and v1a (Ed25519, whpk_ public keys; needs ext-sodium).
 *
 * Give every key you accept (during a rotation, the old and the new): a request is
 * genuine when one signature in its header verifies with one of them.
 *
 *     $verifier = new HTQWebhook(array(getenv('HTQ_WEBHOOK_KEY')));
 *     $body = $verifier->verifyRequest();   // throws HTQWebhookException
 */

class HTQWebhookException extends Exception
{
    const BAD_KEY = 'bad_key';
    const MISSING_HEADER = 'missing_header';
    const BAD_TIMESTAMP = 'bad_timestamp';
    const STALE = 'stale';
    const NO_MATCH = 'no_match';

    /** @var string one of the constants above */
    public $kind;

    public function __construct($message, $kind)
    {
        parent::__construct($message);
        $this->kind = $kind;
    }
}

class HTQWebhook
{
    /** How far a request's timestamp may be from now, either way, by default (seconds). */
    const DEFAULT_TOLERANCE = 300;

    private $secrets = array();
    private $publicKeys = array();
    private $tolerance;

    /**
     * @param string[] $keys      whsec_… secrets and whpk_… public keys, in any mix
     * @param int      $tolerance seconds a timestamp may be from now, either way
     * @throws HTQWebhookException (BAD_KEY) when a key cannot be read
     */
    public function __construct(array $keys, $tolerance = self::DEFAULT_TOLERANCE)
    {
        foreach ($keys as $key) {
            $key = (string) $key;
            // Enough to tell the keys apart in a log, not enough to leak a secret.
            $bad = 'bad key: ' . substr($key, 0, 6) . '…';
            if (strncmp($key, 'whsec_', 6) === 0) {
                $raw = self::decode(substr($key, 6));
                // An empty secret would accept anyone's signature.
                if ($raw === false || $raw === '') {
                    throw new HTQWebhookException($bad, HTQWebhookException::BAD_KEY);
                }
                $this->secrets[] = $raw;
            } elseif (strncmp($key, 'whpk_', 5) === 0) {
                $raw = self::decode(substr($key, 5));
                if ($raw === false || strlen($raw) !== 32) {
                    throw new HTQWebhookException($bad, HTQWebhookException::BAD_KEY);
                }
                if (!function_exists('sodium_crypto_sign_verify_detached')) {
                    // A deployment problem, not a bad request: not an HTQWebhookException.
                    throw new RuntimeException('whpk_ keys need the sodium extension');
                }
                $this->publicKeys[] = $raw;
            } else {
                throw new HTQWebhookException($bad, HTQWebhookException::BAD_KEY);
            }
        }
        $this->tolerance = max(0, (int) $tolerance);
    }

    /**
     * Verifies the request PHP is serving and returns its body.
     *
     * @param int|DateTimeInterface|null $now the time to check at, instead of now
     * @throws HTQWebhookException
     */
    public function verifyRequest($now = null)
    {
        if (function_exists('getallheaders')) {
            $headers = getallheaders();
        } else {
            $headers = array();
            foreach ($_SERVER as $name => $value) {
                if (strncmp($name, 'HTTP_', 5) === 0) {
                    $headers[str_replace('_', '-', substr($name, 5))] = $value;
                }
            }
        }
        $body = (string) file_get_contents('php://input');
        $this->verify($headers, $body, $now);
        return $body;
    }

    /**
     * Verifies a request from its headers and its body as received.
     *
     * @param array                      $headers name => value (or list of values, as PSR-7's
     *                                            getHeaders() gives), names in any case
     * @param string                     $body    the raw body, before any decoding
     * @param int|DateTimeInterface|null $now     the time to check at, instead of now
     * @throws HTQWebhookException
     */
    public function verify(array $headers, $body, $now = null)
    {
        $this->verifyParts(
            self::header($headers, 'webhook-id'),
            self::header($headers, 'webhook-timestamp'),
            self::header($headers, 'webhook-signature'),
            $body,
            $now
        );
    }

    /**
     * Verifies a request from its webhook-id, webhook-timestamp and webhook-signature
     * values and its body as received.
     *
     * @param int|DateTimeInterface|null $now the time to check at, instead of now
     * @throws HTQWebhookException
     */
    public function verifyParts($id, $timestamp, $signatures, $body, $now = null)
    {
        $id = (string) $id;
        if ($id === '') {
            throw new HTQWebhookException('missing header webhook-id', HTQWebhookException::MISSING_HEADER);
        }
        $timestamp = trim((string) $timestamp);
        // A signed 64-bit number, as the other clients read it; compared as text
        // because PHP's integers may be narrower.
        $digits = ltrim(ltrim($timestamp, '+-'), '0');
        $limit = $timestamp !== '' && $timestamp[0] === '-' ? '9223372036854775808' : '9223372036854775807';
        if (!preg_match('/^[+-]?[0-9]+$/', $timestamp)
            || strlen($digits) > 19 || (strlen($digits) === 19 && strcmp($digits, $limit) > 0)) {
            throw new HTQWebhookException('bad webhook-timestamp', HTQWebhookException::BAD_TIMESTAMP);
        }
        if ($now === null) {
            $now = time();
        } elseif ($now instanceof DateTimeInterface) {
            $now = $now->getTimestamp();
        }
        // In floats: an integer difference could overflow at the ends of the range.
        if (abs((float) $now - (float) $timestamp) > $this->tolerance) {
            throw new HTQWebhookException('timestamp outside the tolerance', HTQWebhookException::STALE);
        }
        $signed = $id . '.' . $timestamp . '.' . $body;
        foreach (preg_split('/\s+/', trim((string) $signatures), -1, PREG_SPLIT_NO_EMPTY) as $signature) {
            $comma = strpos($signature, ',');
            if ($comma === false) {
                continue;
            }
            $raw = self::decode(substr($signature, $comma + 1));
            if ($raw === false) {
                continue;
            }
            $version = substr($signature, 0, $comma);
            if ($version === 'v1') {
                foreach ($this->secrets as $secret) {
                    if (hash_equals(hash_hmac('sha256', $signed, $secret, true), $raw)) {
                        return;
                    }
                }
            } elseif ($version === 'v1a' && strlen($raw) === 64) {
                // sodium throws rather than returning false on a signature of the wrong length.
                foreach ($this->publicKeys as $key) {
                    if (sodium_crypto_sign_verify_detached($raw, $signed, $key)) {
                        return;
                    }
                }
            }
        }
        throw new HTQWebhookException('no signature matches', HTQWebhookException::NO_MATCH);
    }

    /** A header's value by name in any case; repeated webhook-signature headers are one list. */
    private static function header(array $headers, $name)
    {
        $values = array();
        foreach ($headers as $key => $value) {
            if (strcasecmp($key, $name) === 0) {
                $values = array_merge($values, is_array($value) ? array_values($value) : array($value));
            }
        }
        $value = $name === 'webhook-signature' ? implode(' ', $values) : (string) reset($values);
        if (trim($value) === '') {
            throw new HTQWebhookException('missing header ' . $name, HTQWebhookException::MISSING_HEADER);
        }
        return $value;
    }

    /**
     * Standard base64 with its padding, or false: base64_decode alone, even strict,
     * takes text the other clients refuse (no padding, spaces).
     */
    private static function decode($text)
    {
        if (strlen($text) % 4 !== 0 || !preg_match('#^[A-Za-z0-9+/]*={0,2}$#', $text)) {
            return false;
        }
        return base64_decode($text, true);
    }
}
