from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.task_request import TaskRequest
from ...models.task_stream_response import TaskStreamResponse
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    body: TaskRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tasks/stream",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> None | TaskStreamResponse:
    if response.status_code == 201:
        response_201 = TaskStreamResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        return None  # declared without a body
    if response.status_code == 401:
        return None  # declared without a body
    if response.status_code == 429:
        return None  # declared without a body
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[None | TaskStreamResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TaskRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[None | TaskStreamResponse]:
    """Submit task and get stream URL

     Submit a task and immediately receive the workflow ID and SSE stream URL for real-time updates. This
    is a convenience endpoint that combines task submission with stream URL generation in a single call.

    Args:
        idempotency_key (str | Unset):
        body (TaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | TaskStreamResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TaskRequest,
    idempotency_key: str | Unset = UNSET,
) -> None | TaskStreamResponse:
    """Submit task and get stream URL

     Submit a task and immediately receive the workflow ID and SSE stream URL for real-time updates. This
    is a convenience endpoint that combines task submission with stream URL generation in a single call.

    Args:
        idempotency_key (str | Unset):
        body (TaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | TaskStreamResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TaskRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[None | TaskStreamResponse]:
    """Submit task and get stream URL

     Submit a task and immediately receive the workflow ID and SSE stream URL for real-time updates. This
    is a convenience endpoint that combines task submission with stream URL generation in a single call.

    Args:
        idempotency_key (str | Unset):
        body (TaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | TaskStreamResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TaskRequest,
    idempotency_key: str | Unset = UNSET,
) -> None | TaskStreamResponse:
    """Submit task and get stream URL

     Submit a task and immediately receive the workflow ID and SSE stream URL for real-time updates. This
    is a convenience endpoint that combines task submission with stream URL generation in a single call.

    Args:
        idempotency_key (str | Unset):
        body (TaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | TaskStreamResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
