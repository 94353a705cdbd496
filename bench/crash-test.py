#!/usr/bin/env python3
"""Crash test of device ingest: every acknowledged event is stored exactly once, whatever SIGKILL does.

Starts the packaged app (target/beatbook-*.jar) on a fresh BEATBOOK_HOME and a fresh database on the external
PostgreSQL (127.0.0.1:5432; the app is killed, the database is not, as in a real crash of the application), waits
for the demo devices in demo-credentials.json, then:

- several concurrent HTTP senders push EVENTS events in batches to POST /api/v1/device-events with the demo
  devices' bearer tokens; about 10% of the batches are deliberate resends of already acknowledged events;
- one MQTT sender (mosquitto_pub, QoS 1: exits 0 only after the PUBACK) publishes a share of the events to the
  embedded broker as {"events":[...]} batches, when mosquitto_pub is installed;
- a killer SIGKILLs the app KILLS times at random points mid-run and restarts it;
- a batch counts as acknowledged only on a 200 answer (or mosquitto_pub exit 0); anything else is resent, as a
  device would, until it is acknowledged.

At the end, SQL on device.event: no (device, event_id) twice, every acknowledged event present, nothing stored
that was never sent. Exit code 0 = passed. Usage (from the repository root, after ./mvnw -o package -DskipTests):

    python3 bench/crash-test.py --events 100000 --senders 6 --kills 4
"""
import argparse
import glob
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

p = argparse.ArgumentParser()
p.add_argument("--events", type=int, default=100_000)
p.add_argument("--senders", type=int, default=6)
p.add_argument("--batch", type=int, default=50)
p.add_argument("--kills", type=int, default=4)
p.add_argument("--resend", type=float, default=0.10)
p.add_argument("--mqtt-share", type=float, default=0.02, help="share of events sent over MQTT")
p.add_argument("--port", type=int, default=8093)
p.add_argument("--mqtt-port", type=int, default=18833)
p.add_argument("--pg", default="127.0.0.1:5432")
args = p.parse_args()

jar = sorted(glob.glob("target/beatbook-*.jar"))
if not jar:
    sys.exit("no target/beatbook-*.jar: run ./mvnw -o package -DskipTests first")
jar = jar[0]
pg_host, pg_port = args.pg.split(":")
db = "beatbook_crash_%d" % os.getpid()
home = tempfile.mkdtemp(prefix="beatbook-crash-")
base = "http://127.0.0.1:%d" % args.port
psql = ["psql", "-h", pg_host, "-p", pg_port, "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qAt"]
subprocess.run(psql + ["-d", "postgres", "-c", "create database %s" % db], check=True)

app = None
app_lock = threading.Lock()
log = open(os.path.join(home, "app.log"), "ab")


def start_app():
    global app
    env = dict(os.environ, BEATBOOK_HOME=home, BEATBOOK_DB_URL="jdbc:postgresql://%s/%s" % (args.pg, db),
               BEATBOOK_DB_USER="postgres", BEATBOOK_DB_PASSWORD="")
    t0 = time.time()
    app = subprocess.Popen(["java", "-jar", jar, "--server.port=%d" % args.port,
                            "--beatbook.mqtt.port=%d" % args.mqtt_port, "--beatbook.mqtt.bind-address=127.0.0.1"],
                           env=env, stdout=log, stderr=subprocess.STDOUT)
    while True:
        if app.poll() is not None:
            sys.exit("app exited with %s; see %s/app.log" % (app.returncode, home))
        try:
            urllib.request.urlopen(base + "/login", timeout=2).read()
            return time.time() - t0
        except Exception:
            time.sleep(0.3)


print("home %s, database %s" % (home, db), flush=True)
print("first start: %.1f s" % start_app(), flush=True)
creds_path = os.path.join(home, "demo-credentials.json")
for _ in range(900):  # the demo loads in the background after the first start: wait for its credentials file
    if os.path.exists(creds_path):
        break
    time.sleep(0.2)
devices = [d for d in json.load(open(creds_path))["devices"] if d.get("token") and d.get("kind") == "PLATE_CAMERA"]
print("%d demo devices" % len(devices), flush=True)

acked = set()          # (deviceId, eventId) acknowledged as STORED or DUPLICATE
sent = set()           # every (deviceId, eventId) ever sent
stats = dict(requests=0, failed=0, resends=0, mqtt=0, mqtt_failed=0, stored=0, duplicate=0, rejected=0)
lock = threading.Lock()
counter = iter(range(args.events))
counter_lock = threading.Lock()
done_events = [0]


def next_ids(n):
    with counter_lock:
        out = []
        for _ in range(n):
            i = next(counter, None)
            if i is None:
                break
            out.append(i)
        return out


def event(i):
    at = datetime.now(timezone.utc) - timedelta(seconds=random.randint(0, 3600))
    return {"eventId": "c-%d" % i, "occurredAt": at.isoformat(timespec="seconds"), "kind": "VEHICLE_PASS",
            "direction": random.choice(["IN", "OUT"]), "plate": "皖A%05d" % (i % 100000), "plateColor": "蓝"}


def post(device, events):
    """Sends until a 200 answer; returns the results."""
    body = json.dumps({"events": events}).encode()
    while True:
        req = urllib.request.Request(base + "/api/v1/device-events", data=body, method="POST", headers={
            "Content-Type": "application/json", "Authorization": "Bearer " + device["token"]})
        with lock:
            stats["requests"] += 1
            for e in events:
                sent.add((device["deviceId"], e["eventId"]))
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.load(r)["results"]
        except Exception:
            with lock:
                stats["failed"] += 1
            time.sleep(0.5)  # as a device would: wait, then send the same batch again


def http_sender(seed):
    rnd = random.Random(seed)
    history = []
    while True:
        ids = next_ids(args.batch)
        if not ids:
            return
        device = rnd.choice(devices)
        events = [event(i) for i in ids]
        if history and rnd.random() < args.resend:  # deliberate resend of an acknowledged batch's events
            old_device, old_events = rnd.choice(history)
            with lock:
                stats["resends"] += 1
            record(old_device, old_events, post(old_device, old_events))
        record(device, events, post(device, events))
        history.append((device, events))
        history[:] = history[-20:]
        with lock:
            done_events[0] += len(ids)


def record(device, events, results):
    with lock:
        for e, r in zip(events, results):
            assert r["eventId"] == e["eventId"], (r, e)
            o = r["outcome"]
            stats[o.lower()] += 1
            if o in ("STORED", "DUPLICATE"):
                acked.add((device["deviceId"], e["eventId"]))


def mqtt_sender():
    if args.mqtt_share <= 0 or not any(os.access(os.path.join(d, "mosquitto_pub"), os.X_OK)
                                       for d in os.environ["PATH"].split(":")):
        print("MQTT sender off (no mosquitto_pub or --mqtt-share 0)", flush=True)
        return
    n = int(args.events * args.mqtt_share) // args.batch
    rnd = random.Random(7)
    for k in range(n):
        device = rnd.choice(devices)
        events = [event(10_000_000 + k * args.batch + j) for j in range(args.batch)]
        for e in events:
            e["eventId"] = "q" + e["eventId"]
        payload = json.dumps({"events": events})
        with lock:
            for e in events:
                sent.add((device["deviceId"], e["eventId"]))
        while True:
            r = subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", str(args.mqtt_port), "-q", "1",
                                "-V", "mqttv311", "-i", device["deviceId"], "-u", device["deviceId"],
                                "-P", device["token"], "-t", "beatbook/devices/%s/events" % device["deviceId"],
                                "-m", payload], capture_output=True, timeout=60)
            if r.returncode == 0:
                with lock:
                    stats["mqtt"] += 1
                    acked.update((device["deviceId"], e["eventId"]) for e in events)
                break
            with lock:
                stats["mqtt_failed"] += 1
            time.sleep(1)


def killer():
    marks = sorted(random.Random(42).sample(range(args.events // 10, args.events * 9 // 10), args.kills))
    for mark in marks:
        while done_events[0] < mark:
            time.sleep(0.05)
        with app_lock:
            app.send_signal(signal.SIGKILL)
            app.wait()
            print("SIGKILL at %d events sent; restarted in %.1f s" % (done_events[0], start_app()), flush=True)


t0 = time.time()
threads = [threading.Thread(target=http_sender, args=(s,)) for s in range(args.senders)]
threads += [threading.Thread(target=mqtt_sender), threading.Thread(target=killer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - t0

rows = subprocess.run(psql + ["-d", db, "-c", "select d.device_id, e.event_id, count(*) from device.event e "
                              "join device.device d on d.id = e.device where e.event_id like 'c-%' "
                              "or e.event_id like 'qc-%' group by 1, 2"],
                      check=True, capture_output=True, text=True).stdout.split()
stored = {}
for line in rows:
    device_id, event_id, count = line.split("|")
    stored[(device_id, event_id)] = int(count)
doubled = [k for k, c in stored.items() if c > 1]
missing = [k for k in acked if k not in stored]
unsent = [k for k in stored if k not in sent]
print(json.dumps(dict(stats, elapsed_s=round(elapsed, 1), sent=len(sent), acknowledged=len(acked),
                      stored=len(stored), doubled=len(doubled), acknowledged_missing=len(missing),
                      stored_never_sent=len(unsent), kills=args.kills)), flush=True)
app.send_signal(signal.SIGTERM)
app.wait()
subprocess.run(psql + ["-d", "postgres", "-c", "drop database %s with (force)" % db])
ok = not doubled and not missing and not unsent and len(acked) > 0
print("PASSED" if ok else "FAILED: doubled %s missing %s never sent %s" % (doubled[:5], missing[:5], unsent[:5]))
sys.exit(0 if ok else 1)
