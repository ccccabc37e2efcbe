"""Feeding records to a ``nazif`` child as JSON Lines: shared by clean() and Table.learn()."""

from __future__ import annotations

import json
import subprocess
import threading
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any, Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union

from ._cli import NazifError, StderrDrain, binary_path

_orjson: Any
try:  # optional (pip install nazif[fast]): 5-10 times faster JSON for dict records
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


# The stdlib encoder made once (json.dumps with arguments builds a new one per call), compact.
_json_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps_line(record: Dict[str, Any]) -> Tuple[bytes, bool]:
    """One dict as a JSON line, UTF-8, and whether orjson made it. orjson (when installed) is
    used unless it refuses the record (integers past 64 bits, non-string keys): then json.

    Example: ``dumps_line({"text": "x"}) == (b'{"text":"x"}\\n', True)`` (with orjson)
    """
    if _orjson is not None:
        try:
            return _orjson.dumps(record, option=_orjson.OPT_APPEND_NEWLINE), True
        except TypeError:
            pass
    return (_json_encode(record) + "\n").encode("utf-8"), False


def loads_line(line: bytes, fast: bool = True) -> Any:
    """One JSON line back to Python: orjson when installed and ``fast`` (the record went out
    through orjson, so it holds nothing orjson reads inexactly, such as integers past 64
    bits, which it turns into floats), else json.

    Example: ``loads_line(b'{"text":"x"}\\n') == {"text": "x"}``
    """
    if fast and _orjson is not None:
        return _orjson.loads(line)
    return json.loads(line.decode("utf-8"))  # strict: invalid UTF-8 raises


__all__ = ["JsonLinesWriter", "start", "finish", "stop", "dumps_line", "loads_line", "line_blocks"]

Record = Union[str, bytes, Dict[str, Any]]
# Lines are handed to the child in writes of about this many bytes, and its output is read in
# blocks of up to this many (fewer system calls and fewer trips through Python).
_WRITE_CHUNK = 1 << 20
_READ_CHUNK = 1 << 20
# The pipes are made this large (Linux F_SETPIPE_SZ; 1 MiB is the default most an unprivileged
# process may ask): fewer wake-ups of the writer, the child and the reader. Still bounded.
_PIPE_SIZE = 1 << 20
_F_SETPIPE_SZ = 1031


def line_blocks(stream: Any) -> Iterator[List[bytes]]:
    """The lines of a binary stream (without their line breaks) in blocks, each block what
    one read of up to 1 MiB completed; a line longer than that is put together first.

    Example: ``for lines in line_blocks(process.stdout): ...``
    """
    read = getattr(stream, "read1", stream.read)
    pending: List[bytes] = []
    while True:
        chunk = read(_READ_CHUNK)
        if not chunk:
            break
        end = chunk.rfind(b"\n") + 1
        if end == 0:
            pending.append(chunk)
            continue
        if pending:
            pending.append(chunk[:end])
            block = b"".join(pending)
            pending = []
        else:
            block = chunk if end == len(chunk) else chunk[:end]
        if end < len(chunk):
            pending.append(chunk[end:])
        lines = block.split(b"\n")
        lines.pop()  # the empty piece after the last line break
        yield lines
    if pending:
        yield [b"".join(pending)]


def _grow_pipe(stream: Any) -> None:
    try:
        import fcntl
        fcntl.fcntl(stream.fileno(), _F_SETPIPE_SZ, _PIPE_SIZE)
    except (ImportError, OSError, ValueError, AttributeError):  # pragma: no cover - not Linux, or a lower limit
        pass


class JsonLinesWriter:
    """Encodes the records as JSON Lines and feeds them to the child's standard input on a
    thread. The pipe is the bounded buffer: when the child is behind, the writer blocks."""

    def __init__(self, docs: Iterable[Record], field: str, group_by: Optional[str], sink: Any) -> None:
        self.kind: Optional[type] = None
        self.error: Optional[BaseException] = None
        self.count = 0
        # Numbers (from 0) of the dict records orjson refused: their output is read with json.
        self.slow: Set[int] = set()
        self._docs, self._field, self._group_by, self._sink = docs, field, group_by, sink
        self._thread = threading.Thread(target=self._run, name="nazif-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        head = "{" + encode_basestring(self._field) + ":"
        head_bytes = head.encode("utf-8")
        buffer: List[bytes] = []
        size = 0
        try:
            for doc in self._docs:
                if isinstance(doc, str):
                    kind: type = str
                    if self._group_by is not None:
                        raise TypeError("group_by needs dict records (strings have no fields)")
                    if _orjson is not None:
                        encoded = head_bytes + _orjson.dumps(doc) + b"}\n"
                    else:
                        encoded = (head + encode_basestring(doc) + "}\n").encode("utf-8")
                elif isinstance(doc, dict):
                    kind = dict
                    encoded, fast = dumps_line(doc)
                    if not fast:
                        self.slow.add(self.count)  # decoded with json too: exact big integers
                elif isinstance(doc, (bytes, bytearray, memoryview)):
                    # Already a JSON Lines record: handed over as it is (the fast path).
                    kind = bytes
                    encoded = bytes(doc)
                    if b"\n" in encoded.rstrip(b"\n"):
                        raise ValueError("a bytes record must be one JSON object on one line")
                    if not encoded.endswith(b"\n"):
                        encoded += b"\n"
                else:
                    raise TypeError(f"clean() takes str, dict or bytes (a JSON line) records, got {type(doc).__name__}")
                if self.kind is None:
                    self.kind = kind
                elif kind is not self.kind:
                    raise TypeError("clean() records must be all str, all dict or all bytes")
                buffer.append(encoded)
                size += len(encoded)
                self.count += 1
                if size >= _WRITE_CHUNK:
                    self._sink.write(b"".join(buffer))
                    buffer, size = [], 0
            if buffer:
                self._sink.write(b"".join(buffer))
        except BrokenPipeError:
            pass  # the child stopped reading: its exit code and message tell why
        except BaseException as error:  # re-raised in the consumer's thread
            self.error = error
        finally:
            try:
                self._sink.close()
            except BrokenPipeError:
                pass

    def join(self) -> None:
        self._thread.join()


def start(args: List[str], docs: Iterable[Record], field: str, group_by: Optional[str],
           stdout: Any) -> "tuple[subprocess.Popen[bytes], JsonLinesWriter, StderrDrain]":
    command = [binary_path(), *args]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=stdout,
                               stderr=subprocess.PIPE, bufsize=1 << 16)
    assert process.stdin is not None and process.stderr is not None
    _grow_pipe(process.stdin)
    if process.stdout is not None:
        _grow_pipe(process.stdout)
    return process, JsonLinesWriter(docs, field, group_by, process.stdin), StderrDrain(process.stderr)


def finish(process: "subprocess.Popen[bytes]", writer: JsonLinesWriter, drain: StderrDrain) -> None:
    """Waits for the child and turns a failure into an exception (the writer's first)."""
    writer.join()
    code = process.wait()
    drain.join()
    if writer.error is not None:
        raise writer.error
    if code != 0:
        raise NazifError(drain.text, code, process.args)  # type: ignore[arg-type]


def stop(process: "subprocess.Popen[bytes]") -> None:
    if process.poll() is None:
        process.kill()
        process.wait()
