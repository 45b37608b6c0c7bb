"""The I/O layer: drivers that carry out the flows' steps, the HTTP transports (httpx, and
aiohttp under httpx for the async clients), event streams, and hint delivery in one process."""
