<?php
// A PHP endpoint (run with `php -S`): writes what PHP parsed from the request's
// multipart body, $_POST as JSON, to the file named by the `out` query parameter.
file_put_contents($_GET['out'], json_encode($_POST, JSON_UNESCAPED_UNICODE));
echo "ok";
