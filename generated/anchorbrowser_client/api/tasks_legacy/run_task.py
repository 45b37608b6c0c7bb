from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.run_task_request import RunTaskRequest
from ...models.run_task_response import RunTaskResponse
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: RunTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/task/run",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RunTaskResponse | None:
    if response.status_code == 200:
        response_200 = RunTaskResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | RunTaskResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RunTaskRequest,
) -> Response[ErrorResponse | RunTaskResponse]:
    """Run Task (Legacy)

     Executes a task in a browser session. The task can be run with a specific version or the latest
    version.
    Optionally, you can provide an existing session ID or let the system create a new one.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        body (RunTaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RunTaskResponse]
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
    body: RunTaskRequest,
) -> ErrorResponse | RunTaskResponse | None:
    """Run Task (Legacy)

     Executes a task in a browser session. The task can be run with a specific version or the latest
    version.
    Optionally, you can provide an existing session ID or let the system create a new one.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        body (RunTaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RunTaskResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RunTaskRequest,
) -> Response[ErrorResponse | RunTaskResponse]:
    """Run Task (Legacy)

     Executes a task in a browser session. The task can be run with a specific version or the latest
    version.
    Optionally, you can provide an existing session ID or let the system create a new one.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        body (RunTaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RunTaskResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RunTaskRequest,
) -> ErrorResponse | RunTaskResponse | None:
    """Run Task (Legacy)

     Executes a task in a browser session. The task can be run with a specific version or the latest
    version.
    Optionally, you can provide an existing session ID or let the system create a new one.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        body (RunTaskRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RunTaskResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
