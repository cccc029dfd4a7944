"""Parses a /metrics body the way Prometheus would: with the OpenMetrics parser when
the Content-Type says application/openmetrics-text, else with the 0.0.4 text parser.
Prints every family as JSON: {name: {type, help, samples: [[name, labels, value]]}}.

usage: parse_metrics.py BODY_FILE CONTENT_TYPE
"""
import json
import sys

from prometheus_client.openmetrics.parser import (
    text_string_to_metric_families as openmetrics_families,
)
from prometheus_client.parser import text_string_to_metric_families as text_families

body = open(sys.argv[1], encoding="utf-8").read()
content_type = sys.argv[2]
parse = (
    openmetrics_families
    if content_type.startswith("application/openmetrics-text")
    else text_families
)
out = {}
for family in parse(body):
    out[family.name] = {
        "type": family.type,
        "help": family.documentation,
        "samples": [[s.name, s.labels, s.value] for s in family.samples],
    }
print(json.dumps(out))
