from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.run_task_by_name_request import RunTaskByNameRequest
from ...models.run_task_response import RunTaskResponse
from ...types import Response, http_status


def _get_kwargs(
    task_name: str,
    *,
    body: RunTaskByNameRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/task/run/{task_name}".format(
            task_name=quote(str(task_name), safe=""),
        ),
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
    task_name: str,
    *,
    client: AuthenticatedClient,
    body: RunTaskByNameRequest,
) -> Response[ErrorResponse | RunTaskResponse]:
    """Run Task by Name (Legacy)

     Executes a task by its name, always using the latest version. This is a convenience endpoint
    for running tasks without needing to know the task ID.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        task_name (str):  Example: web-scraper.
        body (RunTaskByNameRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RunTaskResponse]
    """

    kwargs = _get_kwargs(
        task_name=task_name,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_name: str,
    *,
    client: AuthenticatedClient,
    body: RunTaskByNameRequest,
) -> ErrorResponse | RunTaskResponse | None:
    """Run Task by Name (Legacy)

     Executes a task by its name, always using the latest version. This is a convenience endpoint
    for running tasks without needing to know the task ID.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        task_name (str):  Example: web-scraper.
        body (RunTaskByNameRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RunTaskResponse
    """

    return sync_detailed(
        task_name=task_name,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    task_name: str,
    *,
    client: AuthenticatedClient,
    body: RunTaskByNameRequest,
) -> Response[ErrorResponse | RunTaskResponse]:
    """Run Task by Name (Legacy)

     Executes a task by its name, always using the latest version. This is a convenience endpoint
    for running tasks without needing to know the task ID.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        task_name (str):  Example: web-scraper.
        body (RunTaskByNameRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RunTaskResponse]
    """

    kwargs = _get_kwargs(
        task_name=task_name,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_name: str,
    *,
    client: AuthenticatedClient,
    body: RunTaskByNameRequest,
) -> ErrorResponse | RunTaskResponse | None:
    """Run Task by Name (Legacy)

     Executes a task by its name, always using the latest version. This is a convenience endpoint
    for running tasks without needing to know the task ID.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        task_name (str):  Example: web-scraper.
        body (RunTaskByNameRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RunTaskResponse
    """

    return (
        await asyncio_detailed(
            task_name=task_name,
            client=client,
            body=body,
        )
    ).parsed
