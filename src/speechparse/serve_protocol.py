"""uvicorn's h11 protocol, except that a client that stops sending can still read the answer.

uvicorn closes the connection as soon as the client's side ends (a half-close: ``shutdown
(SHUT_WR)``), so a client whose body stops short of its Content-Length, and then says it is
done, got no answer at all instead of the 400 that
:class:`speechparse.serve_limits.BodyLimit` gives.
Here the end of the client's side ends the request body instead: the application sees the
body end short of its length (BodyLimit answers 400), or, when the body was complete, its
answer is still sent; the connection is closed once the answer is written. A client that
closed its side altogether is no different to the server: the write fails, the transport
is closed by asyncio, and nothing waits on it. Between requests the connection closes at
once, as uvicorn does.
"""

from __future__ import annotations

from uvicorn.protocols.http.h11_impl import H11Protocol


class HalfCloseProtocol(H11Protocol):
    """H11Protocol that answers the request a half-closed client is waiting for."""

    _client_done = False

    def eof_received(self) -> bool | None:  # type: ignore[override]  # (asyncio's contract)
        cycle = self.cycle
        if cycle is None or cycle.response_complete:
            return None  # no request under way: asyncio closes the transport
        self._client_done = True
        if cycle.more_body:  # the body ends here, short of its Content-Length
            cycle.more_body = False
            cycle.message_event.set()
        return True  # keep the transport open to write the answer

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self._client_done and not self.transport.is_closing():
            self.transport.close()  # nothing more can come from the client


__all__ = ["HalfCloseProtocol"]
