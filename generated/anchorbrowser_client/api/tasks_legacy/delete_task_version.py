from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_task_response import DeleteTaskResponse
from ...models.error_response import ErrorResponse
from ...types import Response, http_status


def _get_kwargs(
    task_id: UUID,
    task_version: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/task/{task_id}/{task_version}".format(
            task_id=quote(str(task_id), safe=""),
            task_version=quote(str(task_version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeleteTaskResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DeleteTaskResponse.from_dict(response.json())

        return response_200

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
) -> Response[DeleteTaskResponse | ErrorResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: UUID,
    task_version: str,
    *,
    client: AuthenticatedClient,
) -> Response[DeleteTaskResponse | ErrorResponse]:
    """Delete Task Version (Legacy)

     Soft deletes a specific version of a task. The version will no longer be accessible
    but the data is preserved for potential recovery.

    If you are using the new Task Builder, see the Tasks V2 endpoints in this API reference.

    Args:
        task_id (UUID):
        task_version (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteTaskResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        task_version=task_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: UUID,
    task_version: str,
    *,
    client: AuthenticatedClient,
) -> DeleteTaskResponse | ErrorResponse | None:
    """Delete Task Version (Legacy)

     Soft deletes a specific version of a task. The version will no longer be accessible
    but the data is preserved for potential recovery.

    If you are using the new Task Builder, see the Tasks V2 endpoints in this API reference.

    Args:
        task_id (UUID):
        task_version (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteTaskResponse | ErrorResponse
    """

    return sync_detailed(
        task_id=task_id,
        task_version=task_version,
        client=client,
    ).parsed


async def asyncio_detailed(
    task_id: UUID,
    task_version: str,
    *,
    client: AuthenticatedClient,
) -> Response[DeleteTaskResponse | ErrorResponse]:
    """Delete Task Version (Legacy)

     Soft deletes a specific version of a task. The version will no longer be accessible
    but the data is preserved for potential recovery.

    If you are using the new Task Builder, see the Tasks V2 endpoints in this API reference.

    Args:
        task_id (UUID):
        task_version (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteTaskResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        task_version=task_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: UUID,
    task_version: str,
    *,
    client: AuthenticatedClient,
) -> DeleteTaskResponse | ErrorResponse | None:
    """Delete Task Version (Legacy)

     Soft deletes a specific version of a task. The version will no longer be accessible
    but the data is preserved for potential recovery.

    If you are using the new Task Builder, see the Tasks V2 endpoints in this API reference.

    Args:
        task_id (UUID):
        task_version (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteTaskResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            task_version=task_version,
            client=client,
        )
    ).parsed
