"""What a Celery cluster keeps of its watches, in Redis, and the atomic steps on it (Lua).

Keys (``d``: a digest of the watch's token; ``i``: a lane's number):

- ``taskstatus:due``: sorted set of every running watch, scored by when it is next due
  (epoch milliseconds).  A run that takes a watch moves it to a lease (now + ``LEASE``); a
  watch whose run died is due again when its lease ends.
- ``taskstatus:{d}:watch``: what the watch carries (token, deadline, callbacks, failures).
- ``taskstatus:{d}:done`` / ``:called``: its end and whether its callback was queued (the
  first run to end it wins; the callback goes out once).
- ``taskstatus:lane:{i}``: the current run of lane ``i``, a chain of short Celery tasks.
- ``taskstatus:batch:{run}``: the watches a run took, so that a redelivered run (its worker
  died) takes them back at once.

One Redis (no cluster mode), 6.2 or newer (``ZADD ... LT``).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from typing import Any

import attrs
import redis

DUE = "taskstatus:due"
KEEP = 7 * 24 * 3600  # seconds a watch's record stays after its last change
LEASE = 15.0  # seconds a run holds the watches it took; then they are due again
LANE_TTL = 30  # seconds a lane's key outlives its last run: then another lane restarts it
CALL_LEASE = 30  # seconds a run has to queue the callback before a redelivered run may

# watch(): record the watch, make it due, and claim the lanes nobody runs (they start).
_ADD = """
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[4])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
local start = {}
for i = 6, #ARGV do
    if redis.call('SET', 'taskstatus:lane:' .. (i - 6), ARGV[i], 'NX', 'EX', ARGV[5]) then
        start[#start + 1] = i - 6
    end
end
return start
"""

# A lane's run goes on if it is the lane's current run, or the run that sent it is (that run
# may have died before it could say so); a superseded run ends quietly.
_CLAIM_LANE = """
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] or current == ARGV[2] then
    redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
    return 1
end
return 0
"""

# Take watches: a redelivered run's own batch, else the named ones that are due (a wake),
# else the first due; lease them, remember the batch, return (member, record, done) triples
# flat, as one JSON array (one reply to read, not three per watch).
_TAKE = """
local members = {}
local previous = redis.call('GET', KEYS[2])
if previous then
    members = cjson.decode(previous)
elseif #ARGV > 4 then
    for i = 5, #ARGV do
        local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
        if score and tonumber(score) <= tonumber(ARGV[1]) then members[#members + 1] = ARGV[i] end
    end
else
    members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
end
local out, taken = {}, {}
for _, m in ipairs(members) do
    if redis.call('ZSCORE', KEYS[1], m) then
        redis.call('ZADD', KEYS[1], ARGV[2], m)
        taken[#taken + 1] = m
        out[#out + 1] = m
        out[#out + 1] = redis.call('GET', 'taskstatus:' .. m .. ':watch') or ''
        out[#out + 1] = redis.call('EXISTS', 'taskstatus:' .. m .. ':done')
    end
end
if #taken == 0 then return '[]' end
redis.call('SET', KEYS[2], cjson.encode(taken), 'EX', ARGV[4])
return cjson.encode(out)
"""

# After the checks: each watch still running is due when the policy says (sooner if a wake
# moved it while it was checked), with what it carries now ('': unchanged), given as one JSON
# array of [member, due, record]; the batch is released.
_RESCHEDULE = """
for _, item in ipairs(cjson.decode(ARGV[3])) do
    local m, at, carried = item[1], item[2], item[3]
    local score = redis.call('ZSCORE', KEYS[1], m)
    if score then
        if tonumber(score) == tonumber(ARGV[1]) then
            redis.call('ZADD', KEYS[1], at, m)
        else
            redis.call('ZADD', KEYS[1], 'LT', at, m)
        end
        if carried ~= '' then
            redis.call('SET', 'taskstatus:' .. m .. ':watch', carried, 'EX', ARGV[2])
        end
    end
end
redis.call('DEL', KEYS[2])
return 1
"""

# A lane's run is over: end the lane if it was superseded or nothing is watched; else return
# the earliest due score and the lanes to restart (their chain died: the key expired).
_NEXT = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {} end
if redis.call('ZCARD', KEYS[2]) == 0 then
    redis.call('DEL', KEYS[1])
    return {}
end
local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
local out = {first[2]}
for i = 3, #ARGV do
    if redis.call('SET', 'taskstatus:lane:' .. (i - 3), ARGV[i], 'NX', 'EX', ARGV[2]) then
        out[#out + 1] = i - 3
    end
end
return out
"""

# A worker started: start the lanes nobody runs, if anything is watched (their chains may
# have been lost with the broker's queue).
_RESTART = """
if redis.call('ZCARD', KEYS[1]) == 0 then return {} end
local out = {}
for i = 2, #ARGV do
    if redis.call('SET', 'taskstatus:lane:' .. (i - 2), ARGV[i], 'NX', 'EX', ARGV[1]) then
        out[#out + 1] = i - 2
    end
end
return out
"""

# A delivery named a watched task: due now, if it was not (-1: no longer watched).
_WAKE = """
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return -1 end
if tonumber(score) > tonumber(ARGV[2]) then
    redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
    return 1
end
return 0
"""


def digest(token: str) -> str:
    """The name of a token's watch in Redis (its token holds no key, but is long)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:32]


def now_ms() -> int:
    return int(time.time() * 1000)


def lane_key(lane: int) -> str:
    return f"taskstatus:lane:{lane}"


@attrs.frozen
class Taken:
    """A watch a run took: its name, what it carries (None if its record is gone), and
    whether it ended already (its callback may still have to go out)."""

    member: str
    watched: dict[str, Any] | None
    ended: bool


class Records:
    """The Redis of a Celery app's watches."""

    def __init__(self, client: redis.Redis) -> None:
        self.redis = client
        self._add = client.register_script(_ADD)
        self._claim_lane = client.register_script(_CLAIM_LANE)
        self._take = client.register_script(_TAKE)
        self._reschedule = client.register_script(_RESCHEDULE)
        self._next = client.register_script(_NEXT)
        self._wake = client.register_script(_WAKE)
        self._restart = client.register_script(_RESTART)

    def add(self, watched: dict[str, Any], fresh_runs: Sequence[str]) -> list[int]:
        """Record a watch, due now; returns the lanes to start (``fresh_runs[i]`` is now the
        current run of each)."""
        member = digest(watched["token"])
        args: list[Any] = [member, json.dumps(watched), now_ms(), KEEP, LANE_TTL, *fresh_runs]
        return [int(i) for i in self._add(keys=[DUE, _watch_key(member)], args=args)]

    def claim_lane(self, lane: int, run: str, sent_by: str) -> bool:
        return bool(self._claim_lane(keys=[lane_key(lane)], args=[run, sent_by, LANE_TTL]))

    def take(self, run: str, limit: int, named: Sequence[str] = ()) -> tuple[int, list[Taken]]:
        """Lease due watches (at most ``limit``; only ``named`` ones if given) for ``run``;
        returns the lease's score and what was taken."""
        now = now_ms()
        lease = now + int(LEASE * 1000)
        reply = self._take(keys=[DUE, _batch_key(run)], args=[now, lease, limit, KEEP, *named])
        found = json.loads(reply)
        taken = []
        for i in range(0, len(found), 3):
            raw = found[i + 1]
            taken.append(Taken(str(found[i]), json.loads(raw) if raw else None, bool(found[i + 2])))
        return lease, taken

    def reschedule(
        self, run: str, lease: int, due: Sequence[tuple[str, int, dict[str, Any] | None]]
    ) -> None:
        """Each (member, due ms, what it carries now, None if unchanged); releases the run's
        batch."""
        items = [[member, str(at), "" if watched is None else json.dumps(watched)]
                 for member, at, watched in due]  # fmt: skip
        self._reschedule(keys=[DUE, _batch_key(run)], args=[lease, KEEP, json.dumps(items)])

    def next(self, lane: int, run: str, fresh_runs: Sequence[str]) -> tuple[int | None, list[int]]:
        """After a lane's run: the earliest due score (None: the lane ends) and the lanes to
        restart (``fresh_runs[i]`` is now the current run of each)."""
        found = self._next(keys=[lane_key(lane), DUE], args=[run, LANE_TTL, *fresh_runs])
        if not found:
            return None, []
        return int(float(found[0])), [int(i) for i in found[1:]]

    def restart_lanes(self, fresh_runs: Sequence[str]) -> list[int]:
        """The lanes to start, when anything is watched and nobody runs them."""
        return [int(i) for i in self._restart(keys=[DUE], args=[LANE_TTL, *fresh_runs])]

    def wake(self, member: str) -> int:
        """1: made due now; 0: due already; -1: no longer watched."""
        return int(self._wake(keys=[DUE], args=[member, now_ms()]))

    def end(self, member: str, body: dict[str, Any], callback: Any) -> bool:
        """Record the watch's end with the callback it calls; False if a run ended it first."""
        first = self.redis.set(_done_key(member), json.dumps({"callback": callback, "body": body}),
                               nx=True, ex=KEEP)  # fmt: skip
        return bool(first)

    def callback_once(self, member: str) -> tuple[Any, dict[str, Any]] | None:
        """The recorded callback and its body, to queue now, unless a run queued it (or is
        queueing it: a lease of ``CALL_LEASE`` s); ``called(member)`` after queueing."""
        if not self.redis.set(_called_key(member), "sending", nx=True, ex=CALL_LEASE):
            if self.redis.get(_called_key(member)) == "sent":
                self.redis.zrem(DUE, member)  # watched again after its end: nothing to do
            return None
        record = json.loads(str(self.redis.get(_done_key(member))))
        return record["callback"], record["body"]

    def called(self, member: str) -> None:
        pipe = self.redis.pipeline(transaction=False)
        pipe.set(_called_key(member), "sent", ex=KEEP)
        pipe.zrem(DUE, member)
        pipe.execute()

    def forget(self, member: str) -> None:
        """A watch whose record is gone: nothing to check or call."""
        self.redis.zrem(DUE, member)


def _watch_key(member: str) -> str:
    return f"taskstatus:{member}:watch"


def _done_key(member: str) -> str:
    return f"taskstatus:{member}:done"


def _called_key(member: str) -> str:
    return f"taskstatus:{member}:called"


def _batch_key(run: str) -> str:
    return f"taskstatus:batch:{run}"
