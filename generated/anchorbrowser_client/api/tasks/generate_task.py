from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.generate_task_v2_request import GenerateTaskV2Request
from ...models.generate_task_v2_response import GenerateTaskV2Response
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: GenerateTaskV2Request,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/tasks/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GenerateTaskV2Response | None:
    if response.status_code == 200:
        response_200 = GenerateTaskV2Response.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GenerateTaskV2Response]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GenerateTaskV2Request,
) -> Response[ErrorResponse | GenerateTaskV2Response]:
    """Generate a Task

     Starts asynchronous generation of a new task from a natural-language prompt.
    Poll `GET /v2/tasks/{taskId}/generation-status` until the status is `ready`.

    Args:
        body (GenerateTaskV2Request):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GenerateTaskV2Response]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: GenerateTaskV2Request,
) -> ErrorResponse | GenerateTaskV2Response | None:
    """Generate a Task

     Starts asynchronous generation of a new task from a natural-language prompt.
    Poll `GET /v2/tasks/{taskId}/generation-status` until the status is `ready`.

    Args:
        body (GenerateTaskV2Request):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GenerateTaskV2Response
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GenerateTaskV2Request,
) -> Response[ErrorResponse | GenerateTaskV2Response]:
    """Generate a Task

     Starts asynchronous generation of a new task from a natural-language prompt.
    Poll `GET /v2/tasks/{taskId}/generation-status` until the status is `ready`.

    Args:
        body (GenerateTaskV2Request):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GenerateTaskV2Response]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GenerateTaskV2Request,
) -> ErrorResponse | GenerateTaskV2Response | None:
    """Generate a Task

     Starts asynchronous generation of a new task from a natural-language prompt.
    Poll `GET /v2/tasks/{taskId}/generation-status` until the status is `ready`.

    Args:
        body (GenerateTaskV2Request):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GenerateTaskV2Response
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
